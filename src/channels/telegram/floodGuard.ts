import { limit } from "@grammyjs/ratelimiter";
import type { Context, MiddlewareFn } from "grammy";

export interface FloodOptions {
  /** Updates a user may send per window; the rest are dropped. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_FLOOD: FloodOptions = { limit: 30, windowMs: 60_000 };

/**
 * Per-user inbound limit (@grammyjs/ratelimiter, in memory, fixed windows). The first update
 * over the limit in a window triggers notify, once; later ones are dropped quietly. A dropped
 * button press is still answered, so the client stops its spinner.
 */
export function floodGuard<C extends Context>(
  options: FloodOptions,
  notify: (ctx: C) => Promise<void>,
): MiddlewareFn<C> {
  // FLOOD_LIMIT_PER_MINUTE=0: no limit (load tests; a bot behind its own gateway).
  if (options.limit <= 0) return (_ctx, next) => next();
  const limiter = limit<C, never>({
    timeFrame: options.windowMs,
    limit: options.limit,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: (ctx) => notify(ctx),
  });
  return async (ctx, next) => {
    let passed = false;
    await limiter(ctx, async () => {
      passed = true;
      await next();
    });
    if (!passed && ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  };
}
