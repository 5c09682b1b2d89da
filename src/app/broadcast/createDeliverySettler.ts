import { backoffDelay } from "../../core/backoff.ts";
import type { RetryPolicy, SendOutcome } from "../../core/broadcast/deliveryPolicy.ts";
import type { ChannelName } from "../../core/messages.ts";
import type { ClaimedDelivery } from "../../db/queries/deliveryStore.ts";
import * as metrics from "../../http/metrics.ts";
import type { Logger } from "../../logger.ts";
import type { RateLimiter } from "./createRateLimiter.ts";
import type { Recorder } from "./createRecorder.ts";

/** What settling a lane's sends needs: the lane's own channel, limiter and recorder. */
export interface DeliverySettlerDeps {
  channel: ChannelName;
  logger: Logger;
  now: () => Date;
  limiter: RateLimiter;
  recorder: Recorder;
  retry: RetryPolicy;
}

/** Failures in a row (no success between) after which the channel itself is presumed down. */
const BREAKER_STREAK = 3;
const BREAKER_MAX_MS = 5 * 60_000;

/**
 * Hands each send's outcome to the recorder as the delivery's next state (sent, pending again
 * after a rate limit or a retryable failure, or failed for good) and pauses the lane's limiter
 * when the platform asks to wait or the channel itself seems down.
 */
export function createDeliverySettler(
  deps: DeliverySettlerDeps,
): (d: ClaimedDelivery, outcome: SendOutcome) => void {
  const { logger, limiter, recorder } = deps;
  let streak = 0;
  return function settle(d: ClaimedDelivery, outcome: SendOutcome): void {
    const t = deps.now();
    metrics.deliveries.inc({ channel: deps.channel, status: outcome.kind });
    // Telegram's 429s are counted where every Bot API answer passes (the channel's transformer).
    if (outcome.kind === "rateLimited" && deps.channel !== "telegram")
      metrics.rateLimited.inc({ channel: deps.channel });
    const base = { id: d.id, claim: d.claim };
    switch (outcome.kind) {
      case "sent":
        streak = 0;
        recorder.push({
          ...base,
          status: "sent",
          attempt: 1,
          sentAt: t,
          providerMessageId: outcome.providerMessageId,
        });
        return;
      case "rateLimited":
        limiter.pauseFor(outcome.retryAfterMs);
        logger.debug(
          { channel: deps.channel, retryAfterMs: outcome.retryAfterMs },
          "rate limited; lane paused",
        );
        recorder.push({
          ...base,
          status: "pending",
          attempt: 0,
          lastError: outcome.error,
          nextAttemptAt: new Date(t.getTime() + outcome.retryAfterMs),
        });
        return;
      case "retry": {
        streak++;
        // Several failures in a row: the channel is down (network, WhatsApp reconnecting), not this
        // recipient. Pause the lane and stop spending the rows' attempts until a send succeeds.
        const down = streak >= BREAKER_STREAK;
        const wait = down
          ? backoffDelay(streak - BREAKER_STREAK + 1, {
              baseMs: deps.retry.baseDelayMs,
              maxMs: BREAKER_MAX_MS,
            })
          : outcome.delayMs;
        if (down) limiter.pauseFor(wait);
        logger.warn(
          { channel: deps.channel, deliveryId: d.id, error: outcome.error, channelDown: down },
          "delivery failed; will retry",
        );
        recorder.push({
          ...base,
          status: "pending",
          attempt: down ? 0 : 1,
          lastError: outcome.error,
          nextAttemptAt: new Date(t.getTime() + wait),
        });
        return;
      }
      case "failed":
        logger.info(
          { channel: deps.channel, deliveryId: d.id, error: outcome.error },
          "delivery failed for good",
        );
        recorder.push({ ...base, status: "failed", attempt: 1, lastError: outcome.error });
        return;
    }
  };
}
