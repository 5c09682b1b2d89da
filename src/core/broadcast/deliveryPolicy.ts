import { backoffDelay } from "../backoff.ts";
import { PermanentSendError, TransientSendError } from "../messages.ts";

/** How often and how patiently a delivery is retried after transient failures. */
export interface RetryPolicy {
  /** Attempts (rate-limit waits not counted) before a delivery is marked failed. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** 5 s, 10 s, 20 s … up to 10 min between attempts: about 10 minutes of trying in all. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 };

/**
 * Why a delivery did not go out, stored first in Delivery.lastError ("blocked: Forbidden: …").
 * blocked, deactivated, chat_not_found, not_on_whatsapp and rejected are final; transient means
 * the retries ran out; opted_out is a skip.
 */
export type FailureReason =
  | "blocked"
  | "deactivated"
  | "chat_not_found"
  | "not_on_whatsapp"
  | "rejected"
  | "transient"
  | "opted_out"
  | "no_identity";

export const FAILURE_REASONS: readonly FailureReason[] = [
  "blocked",
  "deactivated",
  "chat_not_found",
  "not_on_whatsapp",
  "rejected",
  "transient",
  "opted_out",
  "no_identity",
];

export type SendOutcome =
  | { kind: "sent"; providerMessageId: string }
  /** The platform asks to wait; not the delivery's fault, so no attempt is counted. */
  | { kind: "rateLimited"; retryAfterMs: number; error: string }
  | { kind: "retry"; delayMs: number; error: string }
  | { kind: "failed"; error: string };

const MAX_ERROR = 300;

/** What to do after a send threw, given the attempts made before this one. */
export function classifySendError(
  err: unknown,
  attemptsBefore: number,
  policy: RetryPolicy = DEFAULT_RETRY,
): SendOutcome {
  const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ");
  if (err instanceof PermanentSendError) {
    const reason = permanentReason(err);
    return { kind: "failed", error: describe(reason, message) };
  }
  if (err instanceof TransientSendError && err.retryAfterMs !== undefined) {
    return {
      kind: "rateLimited",
      retryAfterMs: Math.max(0, err.retryAfterMs),
      error: describe("transient", message),
    };
  }
  // A transient refusal or an unexpected error: back off, and give up after maxAttempts.
  const attempt = attemptsBefore + 1;
  if (attempt >= policy.maxAttempts) return { kind: "failed", error: describe("transient", message) };
  return { kind: "retry", delayMs: backoffMs(attempt, policy), error: describe("transient", message) };
}

/** Exponential backoff after the n-th failed attempt (1-based), capped. */
export function backoffMs(attempt: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  return backoffDelay(attempt, { baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs });
}

function permanentReason(err: PermanentSendError): FailureReason {
  const reason = err.details.reason;
  if (reason === "blocked" || reason === "deactivated" || reason === "chat_not_found") return reason;
  if (/not on whatsapp|not a whatsapp address/i.test(err.message)) return "not_on_whatsapp";
  return "rejected";
}

export function describe(reason: FailureReason, message: string): string {
  return `${reason}: ${message}`.slice(0, MAX_ERROR);
}

/** The reason code at the start of Delivery.lastError (transient when unknown). */
export function reasonOf(lastError: string | null | undefined): FailureReason {
  const code = lastError?.split(":")[0]?.trim() as FailureReason | undefined;
  return code && FAILURE_REASONS.includes(code) ? code : "transient";
}
