import { join, resolve } from "node:path";
import { releaseOrphanedClaims } from "./app/broadcast/deliveryStore.ts";
import { createApp } from "./app/createApp.ts";
import { pruneExpired } from "./app/pruneExpired.ts";
import { seedDemo } from "./app/seedDemo.ts";
import { createServiceStatus } from "./app/service/createServiceStatus.ts";
import { ensureBootstrapSecretariat } from "./app/status/ensureBootstrapSecretariat.ts";
import { createConsoleChannel } from "./channels/console/createConsoleChannel.ts";
import { createTelegramChannel } from "./channels/telegram/createTelegramChannel.ts";
import { createWhatsAppChannel } from "./channels/whatsapp/createWhatsAppChannel.ts";
import { createCloudChannel } from "./channels/whatsapp-cloud/createCloudChannel.ts";
import { createGraphClient } from "./channels/whatsapp-cloud/createGraphClient.ts";
import { ConfigError, createConfig, loadDotEnv } from "./config.ts";
import type { ChannelName, ChannelSender } from "./core/messages.ts";
import { loadTemplates } from "./core/templates/loadTemplates.ts";
import { createCloudStore } from "./db/createCloudStore.ts";
import { createDatabase } from "./db/createDatabase.ts";
import { DatabaseError } from "./db/errors.ts";
import { createPrismaLlmUsageStore } from "./db/llmStores.ts";
import { createSessionHolderLock, WHATSAPP_SESSION_LOCK } from "./db/sessionHolderLock.ts";
import { createWhatsAppAuthStore } from "./db/whatsAppAuthStore.ts";
import { createHealthChecks } from "./http/createHealthChecks.ts";
import { createHttpServer } from "./http/createHttpServer.ts";
import { mountDashboard } from "./http/dashboard/mountDashboard.ts";
import { createLlmCoach } from "./llm/createLlmCoach.ts";
import { createLogger } from "./logger.ts";

export const TEMPLATES_DIR = resolve(import.meta.dirname, "../prompts/templates");

/** Composition root: config → database → use cases → channels → delivery worker; clean shutdown on signals. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = createConfig(process.env);
  const logger = createLogger(
    config.consoleChat && process.env.LOG_LEVEL === undefined ? "warn" : config.logLevel,
  );
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
  const boot = await ensureBootstrapSecretariat(db.prisma, config.bootstrapSecretariat);
  if (boot.granted) logger.info({ competitions: boot.granted }, "bootstrap secretariat granted");

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
  const senders = new Map<ChannelName, ChannelSender>();
  const cloudConfig = config.whatsappCloud;
  const app = createApp({
    db: db.prisma,
    logger,
    defaultLocale: config.defaultLocale,
    timezone: config.timezone,
    senders,
    coach,
    // The Cloud API is paced by the lane at the number's throughput; its daily tier is counted per
    // conversation by the channel. The linked device paces itself under its own daily cap.
    broadcast: cloudConfig.enabled
      ? { ...config.broadcast, whatsappPerSecond: cloudConfig.perSecond, whatsappDailyCap: undefined }
      : config.broadcast,
    dashboardUrl: config.dashboard.url,
  });
  const { handler, worker } = app;

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

  const status = createServiceStatus();
  const telegram = config.telegram.enabled
    ? createTelegramChannel({
        token: config.telegram.token,
        apiRoot: config.telegram.apiRoot,
        mode: config.telegram.mode,
        handler,
        logger: logger.child({ channel: "telegram" }),
        onState: (s) => status.setChannel("telegram", s),
      })
    : undefined;
  const cloud = cloudConfig.enabled
    ? createCloudChannel({
        handler,
        graph: createGraphClient(cloudConfig),
        store: createCloudStore(db.prisma, { dailyTier: cloudConfig.dailyTier }),
        logger: logger.child({ channel: "whatsapp-cloud" }),
        verifyToken: cloudConfig.verifyToken,
        appSecret: cloudConfig.appSecret,
      })
    : undefined;
  const http = createHttpServer({
    host: config.http.host,
    port: config.http.port,
    logger: logger.child({ module: "http" }),
    mounts: [
      ...(telegram?.webhook ? [{ path: "/telegram", app: telegram.webhook }] : []),
      ...(cloud ? [{ path: "/whatsapp", app: cloud.webhook }] : []),
      mountDashboard({
        db: db.prisma,
        logger: logger.child({ module: "dashboard" }),
        competitions: app.competitions,
        notifier: app.notifier,
        dashboardUrl: config.dashboard.url,
        quietHours: config.broadcast.quietHours,
        onQueued: () => worker.wake(),
      }),
    ],
    health: createHealthChecks({ db: db.prisma, status, maxOutboxAgeMs: config.http.readyOutboxMaxAgeMs }),
  });
  await http.start();
  stops.push(() => withTimeout(http.stop(), 10_000));
  if (telegram) {
    status.setChannel("telegram", { state: "starting" });
    stops.push(() => withTimeout(telegram.stop(), 10_000));
    await telegram.start();
    senders.set("telegram", telegram.sender);
  }
  if (cloud) {
    // Webhook-based: connected as soon as the HTTP surface listens; bot-initiated WhatsApp
    // messages go out through the official number even when a linked device runs beside it.
    senders.set("whatsapp", cloud.sender);
    status.setChannel("whatsapp", { state: "connected" });
    stops.push(() => withTimeout(cloud.stop(), 10_000));
  }
  if (config.whatsapp.enabled) {
    const whatsapp = createWhatsAppChannel({
      handler,
      logger: logger.child({ channel: "whatsapp" }),
      auth: createWhatsAppAuthStore(db.prisma),
      pairingPhone: config.whatsapp.pairingPhone,
      qrPngPath: join(config.dataDir, "whatsapp-qr.png"),
      pacing: { minDelayMs: config.broadcast.whatsappGapMs, dailyCap: config.broadcast.whatsappDailyCap },
    });
    const startWhatsApp = async () => {
      await whatsapp.start();
      if (!cloud) senders.set("whatsapp", whatsapp.sender);
    };
    if (db.kind === "embedded") {
      stops.push(() => withTimeout(whatsapp.stop(), 10_000));
      await startWhatsApp();
    } else {
      // One WhatsApp socket per number: among several bot processes on PostgreSQL one holds the
      // session, the others stand by and take over when it stops or dies.
      const lock = createSessionHolderLock({
        url: db.url,
        key: WHATSAPP_SESSION_LOCK,
        // The connection holding the lock broke: another process may take the session now, so
        // this one must not keep its socket. Stop; a supervisor (systemd, Docker) restarts it.
        onLost: () => {
          logger.error("lost the WhatsApp session lock (database connection broke); stopping");
          void shutdown(1);
        },
      });
      const holdAndStart = async () => {
        logger.info("waiting to hold the WhatsApp session (another bot process may hold it)");
        if (await lock.acquire()) await startWhatsApp();
      };
      stops.push(async () => {
        await withTimeout(whatsapp.stop(), 10_000);
        await lock.release();
      });
      void holdAndStart().catch((err) => logger.error({ err }, "WhatsApp did not start"));
    }
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
    senders.set("console", consoleChannel.sender);
    await consoleChannel.start();
  }
  // Stopped first on shutdown: no new sends, claimed rows given back, in-flight sends recorded.
  stops.push(() => withTimeout(worker.stop(), 15_000));
  if (db.kind === "embedded") {
    const released = await releaseOrphanedClaims(db.prisma);
    if (released) logger.info({ deliveries: released }, "deliveries claimed before a crash given back");
  }
  worker.start();
  const prune = () =>
    pruneExpired(db.prisma).then(
      (n) => logger.debug({ pruned: n }, "expired records deleted"),
      (err) => logger.warn({ err }, "pruning expired records failed"),
    );
  void prune();
  const pruning = setInterval(prune, 6 * 3_600_000);
  pruning.unref();
  stops.push(async () => clearInterval(pruning));
  logger.info(
    { db: db.kind, telegram: config.telegram.enabled, whatsapp: config.whatsapp.enabled },
    "Klinik Inovasi running",
  );
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
