/**
 * The one exponential-backoff rule of the project (ADR 0008): the wait before retry `attempt`
 * (1-based) doubles from `baseMs` up to `maxMs`, optionally jittered so that many clients do
 * not retry in step. Pure: the caller sleeps, and decides when to give up.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /**
   * none: the plain doubling (deterministic; the outbox's persisted retry times).
   * equal: half fixed, half random ("equal jitter"; reconnect storms).
   * a number f in (0, 1]: up to f of the wait taken off at random (the OpenAI SDK's policy).
   */
  jitter?: "none" | "equal" | number;
}

export function backoffDelay(
  attempt: number,
  opts: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = opts.jitter ?? "none";
  if (jitter === "none") return ceiling;
  if (jitter === "equal") return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return ceiling * (1 - random() * jitter);
}

/**
 * Runs `fn` until it succeeds or `attempts` are spent, waiting `backoffDelay` between tries;
 * the last error is thrown. `retryable` may refuse an error early.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: BackoffOptions & {
    attempts: number;
    sleep?: (ms: number) => Promise<void>;
    retryable?: (err: unknown) => boolean;
  },
): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= opts.attempts || (opts.retryable && !opts.retryable(err))) throw err;
      await sleep(backoffDelay(attempt, opts));
    }
  }
}
