import type { ChannelName } from "../../core/messages.ts";
import type { Db } from "../../db/createDatabase.ts";
import { recentSends } from "../../db/queries/outbox.ts";
import * as metrics from "../../http/metrics.ts";

/** How one channel's lane paces itself. */
export interface LanePacing {
  /** Messages per second over all chats (the limiter's global window); undefined = the sender paces. */
  perSecond?: number;
  /** Messages per second to one chat. */
  perChatPerSecond?: number;
  /** Sends awaiting an answer at once. */
  maxInFlight: number;
  /** Deliveries claimed per query; keep a batch well inside the lease. */
  batchSize: number;
  /** Messages allowed in any 24 hours, counted from the delivery rows (WhatsApp's ban guard). */
  dailyCap?: number;
}

const DAY_MS = 24 * 60 * 60_000;
/** While the daily cap is reached, look again at least this often (a row may fail meanwhile). */
const CAP_RECHECK_MS = 60_000;

/**
 * How many more deliveries may be claimed under the daily cap now, and when to look again if
 * none: the oldest send of the last 24 hours frees a place as it ages out.
 */
export async function dailyCapRoom(deps: {
  channel: ChannelName;
  db: Db;
  now: () => Date;
  pacing: LanePacing;
}): Promise<{ room: number; waitMs: number }> {
  const cap = deps.pacing.dailyCap;
  if (cap === undefined) return { room: Number.POSITIVE_INFINITY, waitMs: 0 };
  const t = deps.now().getTime();
  const used = await recentSends(deps.db, deps.channel, new Date(t - DAY_MS));
  if (deps.channel === "whatsapp") {
    metrics.whatsappDailyCapUsed.set(used.count);
    metrics.whatsappDailyCapLimit.set(cap);
  }
  const room = cap - used.count;
  const frees = used.oldest ? used.oldest.getTime() + DAY_MS - t : CAP_RECHECK_MS;
  return { room, waitMs: Math.max(1_000, Math.min(frees, CAP_RECHECK_MS)) };
}
