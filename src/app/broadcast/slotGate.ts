/** At most `max` sends awaiting an answer at once; waiters wake when a slot frees or on abort. */
export function createSlotGate(max: number) {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const wakeAll = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  return {
    /** Takes a slot; throws once the signal aborted. */
    async take(signal: AbortSignal): Promise<void> {
      while (inFlight >= max) {
        if (signal.aborted) throw new Error("aborted");
        await new Promise<void>((resolve) => {
          const done = () => {
            signal.removeEventListener("abort", done);
            resolve();
          };
          waiters.push(done);
          signal.addEventListener("abort", done, { once: true });
        });
      }
      if (signal.aborted) throw new Error("aborted");
      inFlight++;
    },
    free(): void {
      inFlight--;
      wakeAll();
    },
    /** Resolves once every slot is free (every send answered). */
    async drain(): Promise<void> {
      while (inFlight > 0) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
