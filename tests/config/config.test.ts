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

  it("paces announcements by default under Telegram's limits, with quiet hours 21:00–06:00", () => {
    expect(createConfig({}).broadcast).toEqual({
      telegramPerSecond: 25,
      whatsappGapMs: 1500,
      whatsappDailyCap: 1000,
      quietHours: { start: "21:00", end: "06:00" },
    });
    expect(createConfig({ QUIET_HOURS: "off" }).broadcast.quietHours).toBeNull();
    expect(createConfig({}).dashboard.url).toBe("http://127.0.0.1:8080/dashboard");
    expect(createConfig({ DASHBOARD_URL: "https://bot.example.go.id/dasbor/" }).dashboard.url).toBe(
      "https://bot.example.go.id/dasbor",
    );
    expect(createConfig({ QUIET_HOURS: "22:30-05:00" }).broadcast.quietHours).toEqual({
      start: "22:30",
      end: "05:00",
    });
  });

  it("turns on Telegram webhook mode with its URL and secret, and the terminal chat off", () => {
    const c = createConfig({
      TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQR",
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.go.id/telegram",
      TELEGRAM_WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
    });
    expect(c.telegram).toMatchObject({ enabled: true, mode: { kind: "webhook" } });
    expect(c.http).toMatchObject({ host: "127.0.0.1", port: 8080 });
    expect(c.consoleChat).toBe(false);
  });

  it("FLOOD_LIMIT_PER_MINUTE sets one inbound limit for Telegram and WhatsApp; 0 turns it off", () => {
    expect(createConfig({}).flood).toEqual({ limit: 30, windowMs: 60_000 });
    expect(createConfig({ FLOOD_LIMIT_PER_MINUTE: "0" }).flood.limit).toBe(0);
    expect(() => createConfig({ FLOOD_LIMIT_PER_MINUTE: "-3" })).toThrow(/^FLOOD_LIMIT_PER_MINUTE: /);
  });

  it("serves HTTP on HTTP_HOST/HTTP_PORT; the old webhook variables still work as aliases", () => {
    expect(createConfig({ DATABASE_URL: "postgresql://db/klinik" }).http).toMatchObject({
      host: "0.0.0.0",
      port: 8080,
    });
    expect(createConfig({ HTTP_HOST: "10.0.0.5", HTTP_PORT: "0" }).http).toMatchObject({
      host: "10.0.0.5",
      port: 0,
    });
    const old = createConfig({ TELEGRAM_WEBHOOK_HOST: "0.0.0.0", TELEGRAM_WEBHOOK_PORT: "8443" });
    expect(old.http).toMatchObject({ host: "0.0.0.0", port: 8443 });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL: /],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL: /],
    [{ TIMEZONE: "Mars/Olympus" }, /^TIMEZONE: unknown time zone/],
    [{ DEFAULT_LOCALE: "fr" }, /^DEFAULT_LOCALE: /],
    [{ TELEGRAM_BOT_TOKEN: "nope" }, /^TELEGRAM_BOT_TOKEN: looks wrong/],
    [
      { TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQR", TELEGRAM_MODE: "webhook" },
      /^TELEGRAM_WEBHOOK_URL: is required/,
    ],
    [{ WHATSAPP_ENABLED: "maybe" }, /^WHATSAPP_ENABLED: /],
    [{ TELEGRAM_WEBHOOK_PORT: "99999" }, /^TELEGRAM_WEBHOOK_PORT: /],
    [{ HTTP_PORT: "-1" }, /^HTTP_PORT: /],
    [{ QUIET_HOURS: "9pm-6am" }, /^QUIET_HOURS: use HH:MM-HH:MM/],
    [{ BROADCAST_TELEGRAM_PER_SECOND: "0" }, /^BROADCAST_TELEGRAM_PER_SECOND: /],
    [{ BROADCAST_WHATSAPP_DAILY_CAP: "lots" }, /^BROADCAST_WHATSAPP_DAILY_CAP: /],
    [{ DASHBOARD_URL: "bot.example.go.id/dashboard" }, /^DASHBOARD_URL: an http\(s\) address/],
    [{ DASHBOARD_URL: "ftp://bot.example.go.id/dashboard" }, /^DASHBOARD_URL: an http\(s\) address/],
  ])("rejects %o with one line naming the variable", (env, message) => {
    expect(() => createConfig(env)).toThrow(ConfigError);
    expect(() => createConfig(env)).toThrow(message);
  });
});
