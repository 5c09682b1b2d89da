import {
  classifySendError,
  describe,
  type RetryPolicy,
  type SendOutcome,
} from "../../core/broadcast/deliveryPolicy.ts";
import type { QuietHours } from "../../core/broadcast/quietHours.ts";
import type { ChannelName, ChannelSender } from "../../core/messages.ts";
import type { Db } from "../../db/createDatabase.ts";
import {
  type AnnouncementInfo,
  type ClaimedDelivery,
  claimDeliveries,
  loadAnnouncementInfo,
} from "../../db/queries/deliveryStore.ts";
import type { Logger } from "../../logger.ts";
import { createDeliverySettler } from "./createDeliverySettler.ts";
import type { RateLimiter } from "./createRateLimiter.ts";
import type { Recorder } from "./createRecorder.ts";
import { holdDelivery } from "./holdDelivery.ts";
import { dailyCapRoom, type LanePacing } from "./lanePacing.ts";
import { renderDelivery } from "./renderDelivery.ts";
import { createSlotGate } from "./slotGate.ts";

export interface LaneDeps {
  channel: ChannelName;
  sender: ChannelSender;
  db: Db;
  logger: Logger;
  now: () => Date;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  pacing: LanePacing;
  limiter: RateLimiter;
  recorder: Recorder;
  retry: RetryPolicy;
  leaseMs: number;
  pollMs: number;
  quiet: QuietHours | null;
  /** Called every round of the loop (the dispatcher's heartbeat for /readyz). */
  onBeat?: () => void;
}

export interface LaneControl {
  signal: AbortSignal;
  /** True when stopping abruptly: claimed rows are left in "sending", as a dead process leaves them. */
  abrupt(): boolean;
}

/** A pause longer than this gives the rest of the batch back instead of holding it. */
const HOLD_LIMIT_MS = 2_000;
const FIRST_CLAIM = 25;

/**
 * One channel's sending loop: claim a batch, hold what must wait (opted out since, quiet hours),
 * send the rest through the limiter with a bounded number in flight, and hand every result to
 * the recorder as soon as the platform answers.
 */
export function createDeliveryLane(deps: LaneDeps) {
  const { logger, limiter, recorder, pacing } = deps;
  const slots = createSlotGate(pacing.maxInFlight);
  const settle = createDeliverySettler(deps);
  let wakeIdle: (() => void) | undefined;
  /** Claims start small after an idle spell, so the first message leaves quickly, then grow. */
  let claimSize = Math.min(pacing.batchSize, FIRST_CLAIM);
  /** Announcements never change once queued: keep what their deliveries share. */
  const infos = new Map<string, AnnouncementInfo>();

  async function infoFor(batch: readonly ClaimedDelivery[]): Promise<void> {
    const missing = [...new Set(batch.map((d) => d.announcementId))].filter((id) => !infos.has(id));
    if (missing.length === 0) return;
    if (infos.size > 200) infos.clear();
    for (const info of await loadAnnouncementInfo(deps.db, missing)) infos.set(info.id, info);
  }

  async function idle(signal: AbortSignal, ms: number): Promise<void> {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    wakeIdle = () => ctl.abort();
    try {
      await deps.sleep(ms, ctl.signal);
    } finally {
      wakeIdle = undefined;
      signal.removeEventListener("abort", onAbort);
    }
  }

  /** Gives claimed rows back (pending again), at once or from `until`. */
  function release(rest: readonly ClaimedDelivery[], until?: Date): void {
    for (const d of rest) {
      recorder.push({
        id: d.id,
        claim: d.claim,
        status: "pending",
        attempt: 0,
        ...(until ? { nextAttemptAt: until } : {}),
      });
    }
  }

  async function sendOne(d: ClaimedDelivery, a: AnnouncementInfo, done: () => void): Promise<void> {
    let outcome: SendOutcome;
    try {
      const msg = renderDelivery({
        kind: a.kind,
        competitionId: a.competitionId,
        competitionName: a.competitionName,
        locale: d.locale,
        text: d.ownText ?? a.text,
      });
      const r = await deps.sender.send(d.externalId, msg);
      outcome = { kind: "sent", providerMessageId: r.messageId };
    } catch (err) {
      outcome = classifySendError(err, d.attempts, deps.retry);
    } finally {
      done();
    }
    settle(d, outcome);
  }

  async function dispatch(batch: readonly ClaimedDelivery[], ctl: LaneControl): Promise<void> {
    try {
      await infoFor(batch);
    } catch (err) {
      logger.warn({ err, channel: deps.channel }, "loading announcements failed");
      if (!ctl.abrupt()) release(batch);
      await idle(ctl.signal, deps.pollMs);
      return;
    }
    for (let i = 0; i < batch.length; i++) {
      const d = batch[i]!;
      if (ctl.signal.aborted) {
        if (!ctl.abrupt()) release(batch.slice(i));
        return;
      }
      const a = infos.get(d.announcementId);
      if (!a) {
        // Deleted meanwhile (its competition was removed): nothing to send.
        recorder.push({
          id: d.id,
          claim: d.claim,
          status: "skipped",
          attempt: 0,
          lastError: describe("rejected", "announcement gone"),
        });
        continue;
      }
      const held = holdDelivery(d, a, deps.now(), deps.quiet);
      if (held) {
        recorder.push(held);
        continue;
      }
      const pause = limiter.pausedForMs();
      if (pause > HOLD_LIMIT_MS) {
        release(batch.slice(i), new Date(deps.now().getTime() + pause));
        return;
      }
      let done: () => void;
      try {
        await slots.take(ctl.signal);
        try {
          done = await limiter.acquire(`${deps.channel}:${d.externalId}`, ctl.signal);
        } catch (err) {
          slots.free();
          throw err;
        }
      } catch {
        if (!ctl.abrupt()) release(batch.slice(i));
        return;
      }
      if (ctl.signal.aborted) {
        done();
        slots.free();
        if (!ctl.abrupt()) release(batch.slice(i));
        return;
      }
      void sendOne(d, a, done).finally(slots.free);
    }
  }

  return {
    async run(ctl: LaneControl): Promise<void> {
      while (!ctl.signal.aborted) {
        deps.onBeat?.();
        const pause = limiter.pausedForMs();
        if (pause > 0) {
          await idle(ctl.signal, pause);
          continue;
        }
        let batch: ClaimedDelivery[];
        try {
          const cap = await dailyCapRoom(deps);
          if (cap.room <= 0) {
            logger.debug({ channel: deps.channel, waitMs: cap.waitMs }, "daily cap reached; waiting");
            await idle(ctl.signal, cap.waitMs);
            continue;
          }
          batch = await claimDeliveries(deps.db, {
            channel: deps.channel,
            limit: Math.min(claimSize, cap.room),
            now: deps.now(),
            leaseMs: deps.leaseMs,
          });
        } catch (err) {
          if (ctl.signal.aborted) break;
          logger.warn({ err, channel: deps.channel }, "claiming deliveries failed");
          await idle(ctl.signal, deps.pollMs);
          continue;
        }
        if (batch.length === 0) {
          claimSize = Math.min(pacing.batchSize, FIRST_CLAIM);
          await idle(ctl.signal, deps.pollMs);
          continue;
        }
        claimSize = Math.min(pacing.batchSize, claimSize * 4);
        await dispatch(batch, ctl);
      }
      if (ctl.abrupt()) return;
      await slots.drain();
    },
    /** New work may be due: end an idle wait now. */
    wake(): void {
      wakeIdle?.();
    },
  };
}
