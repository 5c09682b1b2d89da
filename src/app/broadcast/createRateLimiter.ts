import { performance } from "node:perf_hooks";

export interface RateLimits {
  /** Requests in any window, over all chats; undefined = no global limit. */
  perSecond?: number;
  /** Requests to one chat in any window; undefined = no per-chat limit. */
  perChatPerSecond?: number;
  /** The window; 1 s plus a millisecond for clock-source rounding. */
  windowMs?: number;
}

export interface RateLimiter {
  /**
   * Waits until one more request to chatKey keeps every window within its limits, then takes a
   * slot; call the returned function when the request has settled (answered or failed).
   */
  acquire(chatKey: string, signal?: AbortSignal): Promise<() => void>;
  /** The platform asked to wait (429 retry_after): nobody gets a slot before then. */
  pauseFor(ms: number): void;
  /** Milliseconds of pause left. */
  pausedForMs(): number;
}

interface Window {
  inFlight: number;
  /** Settle times, ascending (a queue read from `head`). */
  settled: number[];
  head: number;
}

/**
 * A sliding-window limiter that stays under a server's "at most N requests in any second" even
 * when latency varies. The server stamps a request somewhere between our send and its answer,
 * so a slot is held from the send until one window after the answer: counting from the answer
 * (not the send) makes the server's window never hold more than N of ours, whatever the jitter.
 * It costs one round trip per window of throughput (a few ms in a second), and needs no margin
 * tuned to a machine.
 */
export function createRateLimiter(
  limits: RateLimits,
  clock: () => number = () => performance.now(),
): RateLimiter {
  const windowMs = limits.windowMs ?? 1_001;
  const global: Window = { inFlight: 0, settled: [], head: 0 };
  const chats = new Map<string, Window>();
  let pausedUntil = 0;
  let lastSweep = 0;
  let waiters: (() => void)[] = [];

  const wakeAll = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  /** Ms until one more request fits this window; Infinity when only a settle can make room. */
  const waitOf = (w: Window, limit: number | undefined, t: number): number => {
    if (limit === undefined) return 0;
    while (w.head < w.settled.length && w.settled[w.head]! <= t - windowMs) w.head++;
    if (w.head > 1024) {
      w.settled = w.settled.slice(w.head);
      w.head = 0;
    }
    const recent = w.settled.length - w.head;
    const over = w.inFlight + recent - limit + 1;
    if (over <= 0) return 0;
    if (over > recent) return Number.POSITIVE_INFINITY;
    return w.settled[w.head + over - 1]! + windowMs - t;
  };

  const sweep = (t: number) => {
    if (t - lastSweep < windowMs || chats.size < 256) return;
    lastSweep = t;
    for (const [key, w] of chats) {
      if (w.inFlight === 0 && (w.settled.at(-1) ?? 0) <= t - windowMs) chats.delete(key);
    }
  };

  return {
    async acquire(chatKey, signal) {
      for (;;) {
        if (signal?.aborted) throw signal.reason ?? new Error("aborted");
        const t = clock();
        let chat = chats.get(chatKey);
        const wait = Math.max(
          pausedUntil - t,
          waitOf(global, limits.perSecond, t),
          chat ? waitOf(chat, limits.perChatPerSecond, t) : 0,
        );
        if (wait <= 0) {
          if (!chat) {
            sweep(t);
            chat = { inFlight: 0, settled: [], head: 0 };
            chats.set(chatKey, chat);
          }
          const c = chat;
          global.inFlight++;
          c.inFlight++;
          let done = false;
          return () => {
            if (done) return;
            done = true;
            const at = clock();
            global.inFlight--;
            c.inFlight--;
            global.settled.push(at);
            c.settled.push(at);
            wakeAll();
          };
        }
        await new Promise<void>((resolve) => {
          const finish = () => {
            clearTimeout(timer);
            signal?.removeEventListener("abort", finish);
            resolve();
          };
          const timer = Number.isFinite(wait) ? setTimeout(finish, Math.max(1, Math.ceil(wait))) : undefined;
          waiters.push(finish);
          signal?.addEventListener("abort", finish, { once: true });
        });
      }
    },
    pauseFor(ms) {
      pausedUntil = Math.max(pausedUntil, clock() + ms);
    },
    pausedForMs() {
      return Math.max(0, pausedUntil - clock());
    },
  };
}
