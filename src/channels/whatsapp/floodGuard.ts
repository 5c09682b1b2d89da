export interface FloodOptions {
  /** Messages handled per user in one window. */
  limit: number;
  windowMs: number;
}

/** The same rule as Telegram's: FLOOD_LIMIT_PER_MINUTE (default 30) per person per minute. */
export const DEFAULT_FLOOD: FloodOptions = { limit: 30, windowMs: 60_000 };

/**
 * Inbound limit per user over a sliding window. Beyond the limit a message is dropped; the first
 * drop in a window asks for one polite notice, later drops in that window stay silent.
 */
export interface FloodGuard {
  check(userKey: string): "ok" | "notify" | "drop";
}

export function createFloodGuard(options: FloodOptions & { now: () => number }): FloodGuard {
  if (options.limit <= 0) return { check: () => "ok" };
  const accepted = new Map<string, number[]>();
  const notifiedAt = new Map<string, number>();
  let checks = 0;

  const sweep = (now: number): void => {
    for (const [key, times] of accepted) {
      if ((times.at(-1) ?? 0) <= now - options.windowMs) accepted.delete(key);
    }
    for (const [key, at] of notifiedAt) if (at <= now - options.windowMs) notifiedAt.delete(key);
  };

  return {
    check(userKey) {
      const now = options.now();
      // Occasional sweep keeps memory bounded by the users active in the last window.
      if (++checks % 1000 === 0) sweep(now);
      const times = (accepted.get(userKey) ?? []).filter((t) => t > now - options.windowMs);
      if (times.length < options.limit) {
        times.push(now);
        accepted.set(userKey, times);
        return "ok";
      }
      accepted.set(userKey, times);
      const last = notifiedAt.get(userKey);
      if (last !== undefined && last > now - options.windowMs) return "drop";
      notifiedAt.set(userKey, now);
      return "notify";
    },
  };
}
