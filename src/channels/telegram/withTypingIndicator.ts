export interface TypingTiming {
  /** Quick answers need no indicator. */
  delayMs: number;
  /** Telegram shows "typing…" for about five seconds. */
  repeatMs: number;
}

export const DEFAULT_TYPING: TypingTiming = { delayMs: 1000, repeatMs: 4000 };

/**
 * Runs work and, when it takes longer than delayMs, sends a chat action every repeatMs until
 * it ends. sendAction must not throw (its failures are only cosmetic).
 */
export async function withTypingIndicator<T>(
  work: () => Promise<T>,
  sendAction: () => Promise<void>,
  timing: TypingTiming = DEFAULT_TYPING,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const tick = () => {
    if (done) return;
    void sendAction();
    timer = setTimeout(tick, timing.repeatMs);
  };
  timer = setTimeout(tick, timing.delayMs);
  try {
    return await work();
  } finally {
    done = true;
    clearTimeout(timer);
  }
}
