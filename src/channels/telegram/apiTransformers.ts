import type { Transformer } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { UpdateInbox } from "../../db/queries/inboxUpdates.ts";
import * as metrics from "../../http/metrics.ts";

/**
 * Records each fetched batch in the inbox before the runner sees it: Telegram treats updates as
 * received once the next getUpdates asks past them, and that call comes only after this returns.
 * A failed write fails the call, so the same batch is fetched again.
 */
export function recordFetched(inbox: UpdateInbox): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === "getUpdates" && result.ok && Array.isArray(result.result) && result.result.length > 0) {
      const batch = result.result as Update[];
      await inbox.record(batch.map((u) => ({ updateId: String(u.update_id), payload: u })));
    }
    return result;
  };
}

/** Logs each failed attempt (the transformer sits under auto-retry); never the payload. */
export function logApiFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        if (result.error_code === 429) metrics.rateLimited.inc({ channel: "telegram" });
        const loud = method === "getUpdates" || result.error_code === 429 || result.error_code >= 500;
        logger[loud ? "warn" : "debug"](
          {
            method,
            errorCode: result.error_code,
            description: result.description,
            retryAfter: result.parameters?.retry_after,
          },
          "Bot API call failed",
        );
      }
      return result;
    } catch (err) {
      if (!signal?.aborted) logger.warn({ method, err }, "Bot API call failed (network)");
      throw err;
    }
  };
}
