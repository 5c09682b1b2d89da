import { describe, expect, it } from "vitest";
import { backoffDelay, withRetry } from "../../src/core/backoff.ts";

describe("backoffDelay", () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [5, 8_000],
    [9, 8_000],
  ])("doubles from the base up to the ceiling: retry %i waits %i ms", (attempt, ms) => {
    expect(backoffDelay(attempt, { baseMs: 500, maxMs: 8_000 })).toBe(ms);
  });

  it("equal jitter keeps half the wait fixed; a fraction takes at most that share off", () => {
    const opts = { baseMs: 1_000, maxMs: 60_000 };
    expect(backoffDelay(3, { ...opts, jitter: "equal" }, () => 0)).toBe(2_000);
    expect(backoffDelay(3, { ...opts, jitter: "equal" }, () => 1)).toBe(4_000);
    expect(backoffDelay(3, { ...opts, jitter: 0.25 }, () => 1)).toBe(3_000);
    expect(backoffDelay(3, { ...opts, jitter: 0.25 }, () => 0)).toBe(4_000);
  });
});

describe("withRetry", () => {
  it("retries with the backoff's waits and returns the first success", async () => {
    const waits: number[] = [];
    let calls = 0;
    const r = await withRetry(
      async () => {
        if (++calls < 3) throw new Error("busy");
        return "ok";
      },
      { attempts: 5, baseMs: 100, maxMs: 1_000, sleep: async (ms) => void waits.push(ms) },
    );
    expect([r, calls, waits]).toEqual(["ok", 3, [100, 200]]);
  });

  it("throws the last error once the attempts are spent, or at once when not retryable", async () => {
    const sleep = async () => {};
    let calls = 0;
    const failing = () => Promise.reject(new Error(`no ${++calls}`));
    await expect(withRetry(failing, { attempts: 3, baseMs: 1, maxMs: 1, sleep })).rejects.toThrow("no 3");
    calls = 0;
    await expect(
      withRetry(failing, { attempts: 3, baseMs: 1, maxMs: 1, sleep, retryable: () => false }),
    ).rejects.toThrow("no 1");
  });
});
