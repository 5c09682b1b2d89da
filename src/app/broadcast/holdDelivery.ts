import { describe } from "../../core/broadcast/deliveryPolicy.ts";
import { type QuietHours, quietUntil } from "../../core/broadcast/quietHours.ts";
import type { AnnouncementInfo, ClaimedDelivery } from "../../db/queries/deliveryStore.ts";
import type { Recorder } from "./createRecorder.ts";

/**
 * What must wait instead of going out now (the person opted out since it was queued; quiet hours
 * for a non-urgent announcement), as the result to record; undefined when it may be sent.
 */
export function holdDelivery(
  d: ClaimedDelivery,
  a: AnnouncementInfo,
  now: Date,
  quiet: QuietHours | null,
): Parameters<Recorder["push"]>[0] | undefined {
  if (d.optedOut) {
    return {
      id: d.id,
      claim: d.claim,
      status: "skipped",
      attempt: 0,
      lastError: describe("opted_out", "unsubscribed with /berhenti"),
    };
  }
  if (!a.urgent && quiet) {
    const until = quietUntil(now, a.timezone, quiet);
    if (until) return { id: d.id, claim: d.claim, status: "pending", attempt: 0, nextAttemptAt: until };
  }
  return undefined;
}
