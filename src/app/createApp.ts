import type { QuietHours } from "../core/broadcast/quietHours.ts";
import type { Locale } from "../core/i18n/locale.ts";
import type { ChannelName, ChannelSender, MessageHandler } from "../core/messages.ts";
import { localClaimHolder } from "../db/claimHolder.ts";
import type { Db } from "../db/createDatabase.ts";
import { createPrismaAiUseLog } from "../db/llmStores.ts";
import { createSentMarks } from "../db/queries/processedUpdates.ts";
import type { LlmCoach } from "../llm/createLlmCoach.ts";
import type { Logger } from "../logger.ts";
import { createAdvice } from "./advice/createAdvice.ts";
import { createAttachmentRoutes } from "./attachments/createAttachmentRoutes.ts";
import { createBroadcastRoutes } from "./broadcast/createBroadcastRoutes.ts";
import { createDeliveryWorker, type DeliveryWorker } from "./broadcast/createDeliveryWorker.ts";
import { type CompetitionCache, createCompetitionCache } from "./competitionCache.ts";
import { createMessageHandler } from "./createMessageHandler.ts";
import { loginRoute } from "./dashboard/loginRoute.ts";
import { createDocumentRoutes } from "./documents/createDocumentRoutes.ts";
import { createIntentHint } from "./intent/createIntentHint.ts";
import { createNotifier, type Notifier } from "./notifier.ts";
import { createPrivacyRoutes } from "./privacy/createPrivacyRoutes.ts";
import { createStatusRoutes } from "./status/createStatusRoutes.ts";
import { createTicketRoutes } from "./tickets/createTicketRoutes.ts";
import { runTicketReminders } from "./tickets/runTicketReminders.ts";
import { createTicketKit } from "./tickets/ticketKit.ts";

const DEFAULT_DASHBOARD_URL = "http://127.0.0.1:8080/dashboard";

export interface AppDeps {
  db: Db;
  logger: Logger;
  defaultLocale: Locale;
  timezone: string;
  /** Channel senders for messages the bot starts itself; filled in as channels start. */
  senders: Map<ChannelName, ChannelSender>;
  coach?: LlmCoach;
  broadcast: {
    telegramPerSecond: number;
    quietHours: QuietHours | null;
    whatsappDailyCap?: number;
    /** Set for the WhatsApp Cloud API (the lane paces it); unset, the linked device paces itself. */
    whatsappPerSecond?: number;
  };
  /** The dispatcher's heartbeat (the outbox worker's loops go round). */
  onBeat?: () => void;
  /** The web dashboard's address (DASHBOARD_URL), for /masuk links. */
  dashboardUrl?: string;
  now?: () => Date;
  /** TICKET_REMIND_HOURS (default 24 working hours). */
  tickets?: { remindHours: number };
  /** This process's claim-holder id on PostgreSQL (src/db/claimHolder.ts). */
  claimHolder?: () => number | undefined;
}

export interface App {
  handler: MessageHandler;
  worker: DeliveryWorker;
  /** Shared with the web dashboard (mountDashboard). */
  competitions: CompetitionCache;
  notifier: Notifier;
  /** Writes what is batched (the "replies sent" marks); call at shutdown after the channels stopped. */
  flush(): Promise<void>;
}

/**
 * Every use case behind one message handler, in the order they claim a message: announcements
 * (whose composer takes free text while open, and /berhenti), status and identity, data rights,
 * documents, advice; then the coaching dialogue. Plus the announcement delivery worker.
 */
export function createApp(deps: AppDeps): App {
  const { db, logger, senders } = deps;
  const competitions = createCompetitionCache(db);
  // Lanes are made per channel sender, so the worker is built when it starts: after the channels.
  let running: DeliveryWorker | undefined;
  const worker: DeliveryWorker = {
    start() {
      running ??= createDeliveryWorker({
        db,
        senders,
        logger: logger.child({ module: "broadcast" }),
        now: deps.now,
        quietHours: deps.broadcast.quietHours,
        competitions,
        pacing: {
          telegram: { perSecond: deps.broadcast.telegramPerSecond },
          whatsapp: {
            dailyCap: deps.broadcast.whatsappDailyCap,
            ...(deps.broadcast.whatsappPerSecond ? { perSecond: deps.broadcast.whatsappPerSecond } : {}),
          },
        },
        onBeat: deps.onBeat,
        periodic: [
          {
            name: "ticket reminders",
            everyMs: 5 * 60_000,
            run: async () => (await runTicketReminders(tickets)).length,
          },
        ],
      });
      running.start();
    },
    stop: async () => running?.stop(),
    abort: () => running?.abort(),
    wake: () => running?.wake(),
  };
  const notifier = createNotifier({
    db,
    quietHours: deps.broadcast.quietHours,
    onQueued: () => worker.wake(),
    now: deps.now,
  });
  const tickets = createTicketKit({
    db,
    competitions,
    logger: logger.child({ module: "tickets" }),
    timezone: deps.timezone,
    remindHours: deps.tickets?.remindHours,
    quietHours: deps.broadcast.quietHours,
    onQueued: () => worker.wake(),
    now: deps.now,
  });
  const advice = createAdvice({ db, competitions, coach: deps.coach, aiLog: createPrismaAiUseLog(db) });
  const sentMarks = createSentMarks(db, {
    onError: (err) => logger.warn({ err }, "could not mark replies sent"),
    now: deps.now,
  });
  const handler = createMessageHandler({
    db,
    competitions,
    logger,
    defaultLocale: deps.defaultLocale,
    timezone: deps.timezone,
    now: deps.now,
    // Without a liveness lock (the embedded database's one process) claims carry a local id, so a
    // repeat of what this process handles reads as its own.
    claimHolder: deps.claimHolder ?? localClaimHolder(),
    recheckBusy: deps.claimHolder !== undefined,
    sentMarks,
    middleware: [
      createBroadcastRoutes({
        db,
        competitions,
        logger,
        now: deps.now,
        quietHours: deps.broadcast.quietHours,
        onQueued: () => worker.wake(),
      }),
      createTicketRoutes(tickets),
      createStatusRoutes({ db, competitions, notifier, logger, timezone: deps.timezone, now: deps.now }),
      loginRoute({ db, dashboardUrl: deps.dashboardUrl ?? DEFAULT_DASHBOARD_URL, now: deps.now }),
      createPrivacyRoutes({ db, now: deps.now }),
      createAttachmentRoutes({ db, competitions, logger }),
      createDocumentRoutes({ db, competitions, logger }),
      advice.routes,
    ],
    listeners: advice.listener ? [advice.listener] : [],
    ...(deps.coach ? { intentHint: createIntentHint({ coach: deps.coach }) } : {}),
  });
  return { handler, worker, competitions, notifier, flush: () => sentMarks.flush() };
}
