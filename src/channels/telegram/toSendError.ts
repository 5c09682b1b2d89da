import { GrammyError, HttpError } from "grammy";
import { PermanentSendError, TransientSendError } from "../../core/messages.ts";

/**
 * Why Telegram refused for good, in PermanentSendError.details.reason. Only "blocked",
 * "deactivated" and "chat_not_found" say the person is unreachable (stop messaging them);
 * "rejected" is a refusal of this message (bad markup, message to edit gone).
 */
export type PermanentReason = "blocked" | "deactivated" | "chat_not_found" | "rejected";

/**
 * Maps a Bot API failure to the channel contract: a refusal retrying cannot fix becomes a
 * PermanentSendError, a rate limit, server error or network failure a TransientSendError
 * (with retryAfterMs when Telegram says how long to wait). Other errors are returned as is.
 */
export function toSendError(err: unknown, context: Record<string, unknown> = {}): unknown {
  if (err instanceof GrammyError) {
    const details = {
      ...context,
      method: err.method,
      errorCode: err.error_code,
      description: err.description,
    };
    if (err.error_code === 429) {
      const retryAfter = err.parameters.retry_after;
      return new TransientSendError(
        err.description,
        retryAfter === undefined ? undefined : retryAfter * 1000,
        details,
      );
    }
    if (err.error_code >= 500) return new TransientSendError(err.description, undefined, details);
    const reason = permanentReason(err.error_code, err.description.toLowerCase());
    return new PermanentSendError(err.description, { ...details, reason });
  }
  if (err instanceof HttpError)
    return new TransientSendError(err.message, undefined, { ...context, network: true });
  return err;
}

function permanentReason(code: number, description: string): PermanentReason {
  if (description.includes("deactivated")) return "deactivated";
  if (code === 403) return "blocked";
  if (description.includes("chat not found") || description.includes("peer_id_invalid"))
    return "chat_not_found";
  return "rejected";
}

/** Telegram's answer to an edit that changes nothing; harmless for progress reports. */
export function isNotModified(err: unknown): boolean {
  return (
    err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description)
  );
}
