import { join, resolve } from "node:path";
import { createApp } from "./app/createApp.ts";
import { pruneExpired } from "./app/pruneExpired.ts";
import { seedDemo } from "./app/seedDemo.ts";
import { createChannelMonitor } from "./app/service/createChannelMonitor.ts";
import { createDispatcher } from "./app/service/createDispatcher.ts";
import { createServiceStatus } from "./app/service/createServiceStatus.ts";
import { ensureBootstrapSecretariat } from "./app/status/ensureBootstrapSecretariat.ts";
import { createConsoleChannel } from "./channels/console/createConsoleChannel.ts";
import { ConfigError, createConfig, loadDotEnv } from "./config.ts";
import type { ChannelName, ChannelSender } from "./core/messages.ts";
import { loadTemplates } from "./core/templates/loadTemplates.ts";
import { type ClaimHolder, createClaimHolder } from "./db/claimHolder.ts";
import { createDatabase, DEFAULT_MIGRATIONS_DIR } from "./db/createDatabase.ts";
import { DatabaseError } from "./db/errors.ts";
import { createPrismaLlmUsageStore } from "./db/llmStores.ts";
import { migrationStatus } from "./db/migrate.ts";
import { releaseOrphanedClaims } from "./db/queries/deliveryStore.ts";
import { createUpdateInbox } from "./db/queries/inboxUpdates.ts";
import { releaseDeadClaims } from "./db/queries/processedUpdates.ts";
import { createSessionHolderLock, DISPATCHER_LOCK } from "./db/sessionHolderLock.ts";
import { createWhatsAppAuthStore } from "./db/whatsAppAuthStore.ts";
import { newToken, writeControlFile } from "./http/controlFile.ts";
import { createAdminApp } from "./http/createAdminApp.ts";
import { createHealthChecks } from "./http/createHealthChecks.ts";
import { createHttpServer } from "./http/createHttpServer.ts";
import { mountDashboard } from "./http/dashboard/mountDashboard.ts";
import { logDestination, logTarget } from "./logDestination.ts";
import { createLogger } from "./logger.ts";
import { createReceivingChannels } from "./receivingChannels.ts";

export const TEMPLATES_DIR = resolve(import.meta.dirname, "../prompts/templates");

/** Composition root: config → database → use cases → channels → delivery worker; clean shutdown on signals. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = createConfig(process.env);
  const logTo = logTarget({
    consoleChat: config.consoleChat,
    stderrIsTTY: process.stderr.isTTY === true,
    dataDir: config.dataDir,
  });
  const logger = createLogger(
    config.consoleChat && process.env.LOG_LEVEL === undefined ? "warn" : config.logLevel,
    {
      destination: logDestination(logTo),
    },
  );
  const templates = loadTemplates(TEMPLATES_DIR);
  const db = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (db.restoredFrom) logger.warn({ previous: db.restoredFrom }, "staged backup restored");
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

  // Channel SDKs and the LLM client load only when configured: most runs use neither WhatsApp
  // nor an LLM, and Baileys alone holds about 70 MB (docs/benchmarks.md, issue 18).
  const coach = config.llm.enabled
    ? (await import("./llm/createLlmCoach.ts")).createLlmCoach({
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
  let claimHolder: ClaimHolder | undefined;
  if (db.kind === "embedded") {
    // One process owns the embedded database: messages claimed before a crash are free again.
    const unfinished = await releaseDeadClaims(db.prisma);
    if (unfinished) logger.info({ messages: unfinished }, "messages claimed before a crash given back");
  } else {
    // Claims carry this process's liveness lock: a dead process's messages (a poller's replayed
    // inbox, a webhook redelivered to another process) are taken over at once (ADR 0007).
    claimHolder = createClaimHolder({ url: db.url, logger });
    await claimHolder.start();
  }
  const status = createServiceStatus();
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
    onBeat: () => status.beat(),
    dashboardUrl: config.dashboard.url,
    tickets: config.tickets,
    claimHolder: claimHolder?.id,
  });
  const { handler, worker } = app;
  const monitor = createChannelMonitor({ db: db.prisma, status, logger, onQueued: () => worker.wake() });

  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch((e) => logger.error({ err: e }, "stop failed"));
    await claimHolder?.stop();
    await db.close();
    logger.info("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());

  const token = newToken();
  const { telegram, cloud } = createReceivingChannels({
    config,
    db: db.prisma,
    handler,
    logger,
    onTelegramState: monitor.reporter("telegram"),
    claimHolder,
  });
  const http = createHttpServer({
    host: config.http.host,
    port: config.http.port,
    logger: logger.child({ module: "http" }),
    mounts: [
      ...(telegram?.webhook ? [{ path: "/telegram", app: telegram.webhook }] : []),
      ...(cloud ? [{ path: "/whatsapp", app: cloud.webhook }] : []),
      // The CLI cannot open the embedded database while this process holds it: it asks here.
      ...(db.dump
        ? [
            {
              path: "/admin",
              app: createAdminApp({
                token,
                dump: db.dump,
                migrations: () => migrationStatus(db.url, DEFAULT_MIGRATIONS_DIR),
              }),
            },
          ]
        : []),
      mountDashboard({
        db: db.prisma,
        logger: logger.child({ module: "dashboard" }),
        competitions: app.competitions,
        notifier: app.notifier,
        dashboardUrl: config.dashboard.url,
        quietHours: config.broadcast.quietHours,
        onQueued: () => worker.wake(),
        timezone: config.timezone,
      }),
    ],
    health: createHealthChecks({ db: db.prisma, status, maxOutboxAgeMs: config.http.readyOutboxMaxAgeMs }),
  });
  const { port } = await http.start().catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "EADDRINUSE") throw e;
    throw new ConfigError(`HTTP_PORT: ${config.http.host}:${config.http.port} is in use (another bot?)`);
  });
  const forgetControl = db.dump
    ? writeControlFile(config.dataDir, { pid: process.pid, port, token })
    : () => {};
  // Run last (stops run in reverse): what the channels confirmed sent is written before the database closes.
  stops.push(() => app.flush());
  stops.push(async () => {
    forgetControl();
    await withTimeout(http.stop(), 10_000);
  });
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
  const whatsapp = config.whatsapp.enabled
    ? (await import("./channels/whatsapp/createWhatsAppChannel.ts")).createWhatsAppChannel({
        handler,
        logger: logger.child({ channel: "whatsapp" }),
        flood: config.flood,
        auth: createWhatsAppAuthStore(db.prisma),
        pairingPhone: config.whatsapp.pairingPhone,
        qrPngPath: join(config.dataDir, "whatsapp-qr.png"),
        pacing: { minDelayMs: config.broadcast.whatsappGapMs, dailyCap: config.broadcast.whatsappDailyCap },
        // With the Cloud API beside it, "whatsapp" readiness is the Cloud API's.
        ...(cloud ? {} : { onState: monitor.reporter("whatsapp") }),
        inbox: createUpdateInbox(db.prisma, "whatsapp", claimHolder?.id),
      })
    : undefined;
  // A receiver never opens the WhatsApp session: one socket per number, held by the dispatcher.
  if (whatsapp && !cloud) monitor.reporter("whatsapp")({ state: "standby" });
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
  let pruning: NodeJS.Timeout | undefined;
  const dispatcher = createDispatcher({
    status,
    logger,
    // On PostgreSQL any number of bot processes; the one holding this lock dispatches.
    lock:
      db.kind === "postgres"
        ? createSessionHolderLock({
            url: db.url,
            key: DISPATCHER_LOCK,
            // The connection holding the lock broke: another process may be elected now, so this
            // one must not keep dispatching. Stop; a supervisor (systemd, Docker) restarts it.
            onLost: () => {
              logger.error("lost the dispatcher lock (database connection broke); stopping");
              void shutdown(1);
            },
          })
        : undefined,
    duties: {
      async start() {
        if (whatsapp) {
          if (!cloud) monitor.reporter("whatsapp")({ state: "starting" });
          await whatsapp.start();
          // Bot-initiated WhatsApp messages go through the official number when it is configured.
          if (!cloud) senders.set("whatsapp", whatsapp.sender);
        }
        // Only the dispatcher sends, so claims left in "sending" belong to a dead one (ADR 0008).
        const released = await releaseOrphanedClaims(db.prisma);
        if (released) logger.info({ deliveries: released }, "deliveries claimed before a crash given back");
        worker.start();
        const prune = () =>
          pruneExpired(db.prisma).then(
            (n) => logger.debug({ pruned: n }, "expired records deleted"),
            (err) => logger.warn({ err }, "pruning expired records failed"),
          );
        void prune();
        pruning = setInterval(prune, 6 * 3_600_000);
        pruning.unref();
      },
      async stop() {
        clearInterval(pruning);
        // No new sends, claimed rows given back, in-flight sends recorded; then the session.
        await withTimeout(worker.stop(), 15_000);
        if (whatsapp) await withTimeout(whatsapp.stop(), 10_000);
      },
    },
  });
  // Stopped first on shutdown.
  stops.push(() => dispatcher.stop());
  await dispatcher.start();
  logger.info(
    {
      db: db.kind,
      role: status.role(),
      telegram: config.telegram.enabled,
      whatsapp: config.whatsapp.enabled,
    },
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
