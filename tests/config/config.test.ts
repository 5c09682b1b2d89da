import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../../src/config.ts";

describe("configuration", () => {
  it("runs on the embedded default with nothing set: no channels, terminal chat, no LLM", () => {
    const c = createConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe("./data");
    expect(c.defaultLocale).toBe("id");
    expect(c.timezone).toBe("Asia/Jakarta");
    expect(c.telegram.enabled).toBe(false);
    expect(c.whatsapp.enabled).toBe(false);
    expect(c.llm.enabled).toBe(false);
    expect(c.consoleChat).toBe(true);
  });

  it("turns on Telegram webhook mode with its URL and secret, and the terminal chat off", () => {
    const c = createConfig({
      TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQR",
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.go.id/telegram",
      TELEGRAM_WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
    });
    expect(c.telegram).toMatchObject({ enabled: true, mode: { kind: "webhook", port: 8080 } });
    expect(c.consoleChat).toBe(false);
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL: /],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL: /],
    [{ TIMEZONE: "Mars/Olympus" }, /^TIMEZONE: unknown time zone/],
    [{ DEFAULT_LOCALE: "fr" }, /^DEFAULT_LOCALE: /],
    [{ TELEGRAM_BOT_TOKEN: "nope" }, /^TELEGRAM_BOT_TOKEN: looks wrong/],
    [{ TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQR", TELEGRAM_MODE: "webhook" }, /^TELEGRAM_WEBHOOK_URL: is required/],
    [{ WHATSAPP_ENABLED: "maybe" }, /^WHATSAPP_ENABLED: /],
    [{ TELEGRAM_WEBHOOK_PORT: "99999" }, /^TELEGRAM_WEBHOOK_PORT: /],
  ])("rejects %o with one line naming the variable", (env, message) => {
    expect(() => createConfig(env)).toThrow(ConfigError);
    expect(() => createConfig(env)).toThrow(message);
  });
});
