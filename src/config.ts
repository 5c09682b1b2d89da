import { existsSync } from "node:fs";
import { z } from "zod";
import { readWhatsAppCloudConfig, whatsAppCloudEnvShape } from "./config/whatsAppCloudEnv.ts";
import { KlinikError } from "./core/errors.ts";

/** A configuration problem: one readable line naming the variable. main.ts exits with code 2. */
export class ConfigError extends KlinikError {
  override readonly name = "ConfigError";
}

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ["", "0", "1", "true", "false", "yes", "no", "on", "off"].includes(v), "use 1/0, true/false")
  .transform((v) => ["1", "true", "yes", "on"].includes(v));
const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === "" ? undefined : v), s.optional());

const envSchema = z.object({
  DATABASE_URL: opt(z.string().regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// URL")),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LOCALE: z.enum(["id", "en"]).default("id"),
  TIMEZONE: z
    .string()
    .default("Asia/Jakarta")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "unknown time zone (use an IANA name such as Asia/Jakarta)"),
  TELEGRAM_BOT_TOKEN: opt(
    z.string().regex(/^\d+:[\w-]{10,}$/, "looks wrong (expected 123456:ABC… from BotFather)"),
  ),
  TELEGRAM_API_ROOT: opt(z.string().url("must be a URL such as https://api.telegram.org")),
  TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
  TELEGRAM_WEBHOOK_URL: opt(z.string().url("must be the public https URL Telegram posts to")),
  TELEGRAM_WEBHOOK_SECRET: opt(
    z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "use 16–256 letters, digits, _ or -"),
  ),
  HTTP_HOST: opt(z.string()),
  HTTP_PORT: opt(z.coerce.number().int().min(0).max(65535)),
  /** Deprecated aliases of HTTP_HOST / HTTP_PORT (the webhook had its own server before). */
  TELEGRAM_WEBHOOK_HOST: opt(z.string()),
  TELEGRAM_WEBHOOK_PORT: opt(z.coerce.number().int().min(1).max(65535)),
  READY_OUTBOX_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(900),
  WHATSAPP_ENABLED: bool.default(false),
  WHATSAPP_PAIRING_PHONE: opt(
    z.string().regex(/^\+?\d{8,15}$/, "digits of the phone number, e.g. 6281234567890"),
  ),
  OPENAI_API_KEY: opt(z.string()),
  OPENAI_BASE_URL: opt(z.string().url("must be a URL such as http://localhost:11434/v1")),
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  SECRETARIAT_PHONE: opt(z.string().regex(/^\+?\d{8,15}$/, "digits of the phone number, e.g. 6281234567890")),
  SECRETARIAT_TELEGRAM_ID: opt(z.string().regex(/^\d+$/, "the numeric Telegram user id")),
  CONSOLE_CHAT: z.enum(["auto", "on", "off"]).default("auto"),
  FLOOD_LIMIT_PER_MINUTE: z.coerce.number().int().min(0, "use 0 (off) or a positive number").default(30),
  BROADCAST_TELEGRAM_PER_SECOND: z.coerce.number().positive().max(1000).default(25),
  BROADCAST_WHATSAPP_GAP_MS: z.coerce.number().int().min(0).default(1500),
  BROADCAST_WHATSAPP_DAILY_CAP: z.coerce.number().int().positive().default(1000),
  TICKET_REMIND_HOURS: z.coerce.number().positive().max(1000).default(24),
  QUIET_HOURS: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/,
      'use HH:MM-HH:MM such as 21:00-06:00, or "off"',
    )
    .default("21:00-06:00"),
  ...whatsAppCloudEnvShape,
  DASHBOARD_URL: z
    .string()
    .trim()
    .url("an http(s) address such as https://bot.example.go.id/dashboard")
    .regex(/^https?:\/\//, "an http(s) address such as https://bot.example.go.id/dashboard")
    .default("http://127.0.0.1:8080/dashboard"),
});

export type Config = ReturnType<typeof createConfig>;

/** Parses the environment once into a typed config; throws ConfigError naming the bad variable. */
export function createConfig(env: Record<string, string | undefined>) {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ConfigError(`${String(i.path[0] ?? "environment")}: ${i.message}`);
  }
  const e = r.data;
  const telegram = e.TELEGRAM_BOT_TOKEN
    ? ({
        enabled: true,
        token: e.TELEGRAM_BOT_TOKEN,
        apiRoot: e.TELEGRAM_API_ROOT,
        mode:
          e.TELEGRAM_MODE === "webhook"
            ? ({
                kind: "webhook",
                url: need(
                  e.TELEGRAM_WEBHOOK_URL,
                  "TELEGRAM_WEBHOOK_URL",
                  "is required when TELEGRAM_MODE=webhook",
                ),
                secret: need(
                  e.TELEGRAM_WEBHOOK_SECRET,
                  "TELEGRAM_WEBHOOK_SECRET",
                  "is required when TELEGRAM_MODE=webhook",
                ),
              } as const)
            : ({ kind: "polling" } as const),
      } as const)
    : ({ enabled: false } as const);
  if (!telegram.enabled && e.TELEGRAM_MODE === "webhook")
    throw new ConfigError("TELEGRAM_BOT_TOKEN: is required when TELEGRAM_MODE=webhook");
  // WHATSAPP_ENABLED=1 keeps meaning the linked device (Baileys); with WHATSAPP_MODE=cloud too,
  // both run, on two different numbers.
  const whatsapp =
    e.WHATSAPP_ENABLED || e.WHATSAPP_MODE === "baileys"
      ? ({ enabled: true, pairingPhone: e.WHATSAPP_PAIRING_PHONE?.replace(/^\+/, "") } as const)
      : ({ enabled: false } as const);
  const llm = e.OPENAI_API_KEY
    ? ({
        enabled: true,
        apiKey: e.OPENAI_API_KEY,
        baseURL: e.OPENAI_BASE_URL,
        model: e.OPENAI_MODEL,
        timeoutMs: e.OPENAI_TIMEOUT_MS,
      } as const)
    : ({ enabled: false } as const);
  const whatsappCloud = readWhatsAppCloudConfig(e, (m) => {
    throw new ConfigError(m);
  });
  const consoleChat =
    e.CONSOLE_CHAT === "on" ||
    (e.CONSOLE_CHAT === "auto" && !telegram.enabled && !whatsapp.enabled && !whatsappCloud.enabled);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    timezone: e.TIMEZONE,
    telegram,
    whatsapp,
    whatsappCloud,
    llm,
    consoleChat,
    /** Inbound messages per person per minute on Telegram and WhatsApp; 0 = no limit. */
    flood: { limit: e.FLOOD_LIMIT_PER_MINUTE, windowMs: 60_000 },
    http: {
      // Embedded: one process on one machine, so only local callers (the CLI, a TLS proxy);
      // on PostgreSQL the processes sit behind a load balancer.
      host: e.HTTP_HOST ?? e.TELEGRAM_WEBHOOK_HOST ?? (e.DATABASE_URL ? "0.0.0.0" : "127.0.0.1"),
      port: e.HTTP_PORT ?? e.TELEGRAM_WEBHOOK_PORT ?? 8080,
      readyOutboxMaxAgeMs: e.READY_OUTBOX_MAX_AGE_SECONDS * 1000,
    },
    broadcast: {
      telegramPerSecond: e.BROADCAST_TELEGRAM_PER_SECOND,
      whatsappGapMs: e.BROADCAST_WHATSAPP_GAP_MS,
      whatsappDailyCap: e.BROADCAST_WHATSAPP_DAILY_CAP,
      quietHours:
        e.QUIET_HOURS === "off" ? null : { start: e.QUIET_HOURS.slice(0, 5), end: e.QUIET_HOURS.slice(6) },
    },
    dashboard: { url: e.DASHBOARD_URL.replace(/\/+$/, "") },
    tickets: { remindHours: e.TICKET_REMIND_HOURS },
    bootstrapSecretariat: {
      phone: e.SECRETARIAT_PHONE?.replace(/^\+?/, "+"),
      telegramId: e.SECRETARIAT_TELEGRAM_ID,
    },
  };
}

function need<T>(v: T | undefined, name: string, why: string): T {
  if (v === undefined) throw new ConfigError(`${name}: ${why}`);
  return v;
}

/** Reads .env (when present) into process.env without overriding what is already set. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
