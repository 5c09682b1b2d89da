import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { backoffDelay } from "../core/backoff.ts";

/** Why no LLM answer is used; the coach logs it and the app falls back to rule feedback. */
export type FallbackReason =
  | "timeout"
  | "rate_limited"
  | "server_error"
  | "connection_error"
  | "http_error"
  | "malformed_response"
  | "invalid_json"
  | "schema_violation"
  | "refusal"
  | "truncated"
  | "quota_exceeded"
  | "usage_store_error"
  | "unknown_section"
  | "empty_input"
  | "unexpected_error";

export interface ClassifiedError {
  reason: FallbackReason;
  retryable: boolean;
  status?: number;
}

/** Sorts an error thrown by the OpenAI client (with its own retries off) into a reason. */
export function classifyError(e: unknown, signal: AbortSignal): ClassifiedError {
  if (signal.aborted || e instanceof APIUserAbortError) return { reason: "timeout", retryable: false };
  if (e instanceof APIConnectionTimeoutError) return { reason: "timeout", retryable: true };
  if (e instanceof APIConnectionError) return { reason: "connection_error", retryable: true };
  if (e instanceof APIError && typeof e.status === "number") {
    const status = e.status;
    if (status === 429) return { reason: "rate_limited", retryable: true, status };
    if (status === 408 || status === 409 || status >= 500)
      return { reason: "server_error", retryable: true, status };
    return { reason: "http_error", retryable: false, status };
  }
  return { reason: "unexpected_error", retryable: false };
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/**
 * Milliseconds to wait before retry number `retry` (1-based): the server's retry-after-ms or
 * retry-after (seconds or HTTP date) when given, else exponential backoff with up to 25% jitter,
 * the OpenAI SDK's own policy. The caller gives up instead when the wait passes its deadline.
 */
export function retryDelayMs(e: unknown, retry: number, nowMs: number): number {
  const headers = e instanceof APIError ? e.headers : undefined;
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers?.get("retry-after");
  if (after) {
    const seconds = Number.parseFloat(after);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const at = Date.parse(after);
    if (Number.isFinite(at)) return Math.max(0, at - nowMs);
  }
  return backoffDelay(retry, { baseMs: BASE_DELAY_MS, maxMs: MAX_DELAY_MS, jitter: 0.25 });
}
