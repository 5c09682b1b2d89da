import { backoffDelay } from "../../core/backoff.ts";

export interface ReconnectOptions {
  /** First backoff step. */
  baseMs?: number;
  /** Ceiling of a single wait. */
  maxMs?: number;
  /** Attempts allowed in any hour; beyond it the channel gives up instead of storming. */
  maxPerHour?: number;
}

export const DEFAULT_RECONNECT = { baseMs: 2000, maxMs: 5 * 60 * 1000, maxPerHour: 30 } as const;

const HOUR_MS = 60 * 60 * 1000;

/** Exponential backoff with "equal jitter" (half fixed, half random) and an hourly attempt cap. */
export interface ReconnectPolicy {
  /** The wait before the next attempt, or undefined when the hourly cap is reached. */
  next(options?: { immediate?: boolean }): { delayMs: number; attempt: number } | undefined;
  /** A connection opened: the next failure starts from the first step again. */
  reset(): void;
  /** Attempts counted in the last hour. */
  recentAttempts(): number;
}

export function createReconnectPolicy(
  options: ReconnectOptions & { now: () => number; random?: () => number },
): ReconnectPolicy {
  const baseMs = options.baseMs ?? DEFAULT_RECONNECT.baseMs;
  const maxMs = options.maxMs ?? DEFAULT_RECONNECT.maxMs;
  const maxPerHour = options.maxPerHour ?? DEFAULT_RECONNECT.maxPerHour;
  const random = options.random ?? Math.random;
  const attempts: number[] = [];
  let step = 0;

  const prune = (): void => {
    const now = options.now();
    while (attempts.length > 0 && attempts[0]! <= now - HOUR_MS) attempts.shift();
  };

  return {
    next({ immediate = false } = {}) {
      prune();
      if (attempts.length >= maxPerHour) return undefined;
      attempts.push(options.now());
      if (immediate) return { delayMs: 0, attempt: attempts.length };
      step += 1;
      const delayMs = backoffDelay(step, { baseMs, maxMs, jitter: "equal" }, random);
      return { delayMs, attempt: attempts.length };
    },
    reset() {
      step = 0;
    },
    recentAttempts() {
      prune();
      return attempts.length;
    },
  };
}
