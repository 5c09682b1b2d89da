import { setTimeout as delay } from "node:timers/promises";
import type { PushChannel } from "../../core/broadcast/audienceSchema.ts";
import { DEFAULT_RETRY, type RetryPolicy } from "../../core/broadcast/deliveryPolicy.ts";
import { DEFAULT_QUIET_HOURS, type QuietHours } from "../../core/broadcast/quietHours.ts";
import type { ChannelName, ChannelSender } from "../../core/messages.ts";
import type { Db } from "../../db/createDatabase.ts";
import type { Logger } from "../../logger.ts";
import type { CompetitionCache } from "../competitionCache.ts";
import { createDeliveryLane } from "./createDeliveryLane.ts";
import { createProgressReporter } from "./createProgressReporter.ts";
import { createRateLimiter, type RateLimiter } from "./createRateLimiter.ts";
import { createRecorder } from "./createRecorder.ts";
import type { LanePacing } from "./lanePacing.ts";
import { runDueReminders } from "./runDueReminders.ts";

export interface DeliveryWorkerDeps {
  db: Db;
  /** A lane runs for every channel given here; deliveries of other channels wait. */
  senders: Map<ChannelName, ChannelSender>;
  logger: Logger;
  /** Wall clock for schedules, quiet hours and leases (rates are measured in real time). */
  now?: () => Date;
  /** Waits between polls; must end early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  pacing?: Partial<Record<ChannelName, Partial<LanePacing>>>;
  retry?: Partial<RetryPolicy>;
  /** A claim older than this is presumed dead and claimed again (default 60 s). */
  leaseMs?: number;
  /** Idle poll interval (default 1 s); wake() cuts it short. */
  pollMs?: number;
  /** Default 21:00–06:00 in each competition's time zone; null sends at any hour. */
  quietHours?: QuietHours | null;
  /** Progress updates at most this often (default 3 s). */
  progressEveryMs?: number;
  /** WhatsApp (no edit): a new progress message every this many percent (default 25). */
  progressStepPercent?: number;
  /** With the competitions, deadline reminders are queued every reminderEveryMs (default 5 min). */
  competitions?: CompetitionCache;
  reminderEveryMs?: number;
  /** Other periodic jobs that queue messages (ticket reminders), run beside the deadline reminders. */
  periodic?: { name: string; everyMs: number; run: () => Promise<number> }[];
  /** Called every round of the loops (the dispatcher's heartbeat for /readyz). */
  onBeat?: () => void;
}

/** The sending side of announcements inside the bot process. */
export interface DeliveryWorker {
  start(): void;
  /** Graceful: no new sends, claimed-but-unsent rows given back, in-flight sends finished and recorded. */
  stop(): Promise<void>;
  /**
   * Abrupt, like a crash between two sends: nothing more is claimed or sent, claimed rows stay
   * in "sending" until their lease runs out. Sends already handed to the platform still record
   * their answer (a real crash there is the at-least-once edge, see ADR 0007).
   */
  abort(): void;
  /** New deliveries may be due (an announcement was just queued): poll now. */
  wake(): void;
}

export const DEFAULT_PACING: Record<ChannelName, LanePacing> = {
  // Telegram: about 30 messages a second overall, one a second per chat; stay a little under.
  telegram: { perSecond: 25, perChatPerSecond: 1, maxInFlight: 25, batchSize: 10 },
  // The WhatsApp sender paces itself (one lane, gaps with jitter, a daily cap): feed it one by one.
  whatsapp: { maxInFlight: 1, batchSize: 2 },
  console: { maxInFlight: 1, batchSize: 10 },
};

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

const defaultSleep = (ms: number, signal: AbortSignal) =>
  delay(ms, undefined, { signal }).catch(() => undefined) as Promise<void>;

export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { db, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? defaultSleep;
  const quiet = deps.quietHours === undefined ? DEFAULT_QUIET_HOURS : deps.quietHours;
  const retry = { ...DEFAULT_RETRY, ...deps.retry };
  const recorder = createRecorder(db, logger);
  const limiters = new Map<ChannelName, RateLimiter>();
  const lanes = [...deps.senders].map(([channel, sender]) => {
    const given = deps.pacing?.[channel] ?? {};
    const pacing: LanePacing = { ...DEFAULT_PACING[channel], ...given };
    // A rate given without sizes: small claims (short database pauses), ample room in flight.
    if (given.perSecond !== undefined && given.batchSize === undefined)
      pacing.batchSize = clamp(Math.ceil(given.perSecond / 20), 10, 100);
    if (given.perSecond !== undefined && given.maxInFlight === undefined)
      pacing.maxInFlight = clamp(Math.ceil(given.perSecond), 8, 256);
    const limiter = createRateLimiter({
      perSecond: pacing.perSecond,
      perChatPerSecond: pacing.perChatPerSecond,
    });
    limiters.set(channel, limiter);
    return createDeliveryLane({
      channel,
      sender,
      db,
      logger,
      now,
      sleep,
      pacing,
      limiter,
      recorder,
      retry,
      leaseMs: deps.leaseMs ?? 60_000,
      pollMs: deps.pollMs ?? 1_000,
      quiet,
      onBeat: deps.onBeat,
    });
  });
  const progress = createProgressReporter({
    db,
    senders: deps.senders,
    limiters,
    logger,
    now,
    stepPercent: deps.progressStepPercent ?? 25,
  });

  let control: AbortController | undefined;
  let abrupt = false;
  let running: Promise<unknown> | undefined;

  /** Runs fn every `every` ms until the signal aborts; failures are logged, never fatal. */
  async function every(
    ms: number,
    signal: AbortSignal,
    what: string,
    fn: () => Promise<void>,
  ): Promise<void> {
    while (!signal.aborted) {
      try {
        await fn();
      } catch (err) {
        if (!signal.aborted) logger.warn({ err }, `${what} failed`);
      }
      await sleep(ms, signal);
    }
  }

  const wakeLanes = () => {
    for (const lane of lanes) lane.wake();
  };

  return {
    start() {
      if (control) return;
      control = new AbortController();
      abrupt = false;
      const signal = control.signal;
      const ctl = { signal, abrupt: () => abrupt };
      const loops: Promise<void>[] = lanes.map((lane) => lane.run(ctl));
      loops.push(
        every(deps.progressEveryMs ?? 3_000, signal, "progress report", async () => {
          deps.onBeat?.();
          await progress.tick();
        }),
      );
      const competitions = deps.competitions;
      if (competitions) {
        const channels = [...deps.senders.keys()].filter((c): c is PushChannel => c !== "console");
        loops.push(
          every(deps.reminderEveryMs ?? 5 * 60_000, signal, "deadline reminders", async () => {
            const made = await runDueReminders({ db, competitions, now: now(), channels, quiet });
            if (made.length > 0) {
              logger.info({ reminders: made }, "deadline reminders queued");
              wakeLanes();
            }
          }),
        );
      }
      for (const job of deps.periodic ?? [])
        loops.push(
          every(job.everyMs, signal, job.name, async () => {
            if ((await job.run()) > 0) wakeLanes();
          }),
        );
      running = Promise.all(loops).catch((err) =>
        logger.error({ err }, "delivery worker stopped on an error"),
      );
      logger.info({ channels: [...deps.senders.keys()] }, "delivery worker started");
    },
    async stop() {
      if (!control) return;
      control.abort();
      await running;
      await recorder.drain();
      // One last round: an announcement whose final results were just written gets closed.
      await progress.tick().catch((err) => logger.warn({ err }, "final progress report failed"));
      control = undefined;
      logger.info("delivery worker stopped");
    },
    abort() {
      if (!control) return;
      abrupt = true;
      control.abort();
      control = undefined;
    },
    wake: wakeLanes,
  };
}
