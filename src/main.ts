import { resolve } from "node:path";
import { join } from "node:path";
import { createAdvice } from "./app/advice/createAdvice.ts";
import { createCompetitionCache } from "./app/competitionCache.ts";
import { createDocumentRoutes } from "./app/documents/createDocumentRoutes.ts";
import { createPrivacyRoutes } from "./app/privacy/createPrivacyRoutes.ts";
import { createMessageHandler } from "./app/createMessageHandler.ts";
import { seedDemo } from "./app/seedDemo.ts";
import { createConsoleChannel } from "./channels/console/createConsoleChannel.ts";
import { createTelegramChannel } from "./channels/telegram/createTelegramChannel.ts";
import { createWhatsAppChannel } from "./channels/whatsapp/createWhatsAppChannel.ts";
import { ConfigError, createConfig, loadDotEnv } from "./config.ts";
import { loadTemplates } from "./core/templates/loadTemplates.ts";
import { createDatabase } from "./db/createDatabase.ts";
import { DatabaseError } from "./db/errors.ts";
import { createPrismaAiUseLog, createPrismaLlmUsageStore } from "./db/llmStores.ts";
import { createWhatsAppAuthStore } from "./db/whatsAppAuthStore.ts";
import { createLlmCoach } from "./llm/createLlmCoach.ts";
import { createLogger } from "./logger.ts";

export const TEMPLATES_DIR = resolve(import.meta.dirname, "../prompts/templates");

/** Composition root: config → database → use cases → channels; clean shutdown on signals. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = createConfig(process.env);
  const logger = createLogger(config.consoleChat && process.env.LOG_LEVEL === undefined ? "warn" : config.logLevel);
  const templates = loadTemplates(TEMPLATES_DIR);
  const db = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (db.applied.length) logger.info({ migrations: db.applied }, "database migrated");
  if (db.kind === "embedded") {
    const kipp = templates.get("kipp-2023-umum");
    if (kipp && (await db.prisma.competition.count()) === 0) {
      await seedDemo(db.prisma, kipp);
      logger.info("demo competition created");
    }
  }
  const competitions = createCompetitionCache(db.prisma);
  const coach = config.llm.enabled
    ? createLlmCoach({
        apiKey: config.llm.apiKey,
        baseURL: config.llm.baseURL,
        model: config.llm.model,
        timeoutMs: config.llm.timeoutMs,
        timeZone: config.timezone,
        usage: createPrismaLlmUsageStore(db.prisma),
        logger: logger.child({ module: "llm" }),
      })
    : undefined;
  const advice = createAdvice({ db: db.prisma, competitions, coach, aiLog: createPrismaAiUseLog(db.prisma) });
  const handler = createMessageHandler({
    db: db.prisma,
    competitions,
    logger,
    defaultLocale: config.defaultLocale,
    timezone: config.timezone,
    routes: [
      ...createPrivacyRoutes({ db: db.prisma }),
      ...createDocumentRoutes({ db: db.prisma, competitions, logger }),
      advice.route,
    ],
    listeners: advice.listener ? [advice.listener] : [],
  });

  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch((e) => logger.error({ err: e }, "stop failed"));
    await db.close();
    logger.info("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());

  if (config.telegram.enabled) {
    const telegram = createTelegramChannel({
      token: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      mode: config.telegram.mode,
      handler,
      logger: logger.child({ channel: "telegram" }),
    });
    stops.push(() => withTimeout(telegram.stop(), 10_000));
    await telegram.start();
  }
  if (config.whatsapp.enabled) {
    const whatsapp = createWhatsAppChannel({
      handler,
      logger: logger.child({ channel: "whatsapp" }),
      auth: createWhatsAppAuthStore(db.prisma),
      pairingPhone: config.whatsapp.pairingPhone,
      qrPngPath: join(config.dataDir, "whatsapp-qr.png"),
    });
    stops.push(() => withTimeout(whatsapp.stop(), 10_000));
    await whatsapp.start();
  }
  if (config.consoleChat) {
    const tty = process.stdin.isTTY === true;
    const consoleChannel = createConsoleChannel({
      handler,
      input: process.stdin,
      output: process.stdout,
      color: tty,
      displayName: "",
      onClose: () => void shutdown(),
    });
    stops.push(() => consoleChannel.stop());
    await consoleChannel.start();
  }
  logger.info({ db: db.kind, telegram: config.telegram.enabled, whatsapp: config.whatsapp.enabled }, "Klinik Inovasi running");
}

/** Shutdown must end even when a platform is unreachable. */
function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  return Promise.race([p, new Promise<void>((r) => setTimeout(r, ms).unref())]);
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof DatabaseError) {
    process.stderr.write(`klinik: ${e.message}\n`);
    process.exit(e instanceof ConfigError ? 2 : 1);
  }
  process.stderr.write(`klinik: could not start: ${(e as Error).message}\n`);
  process.exit(1);
});
