import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../src/app/broadcast/createRateLimiter.ts";

describe("rate limiter", () => {
  it("keeps a window's slots from the send until one window after the answer", async () => {
    const limiter = createRateLimiter({ perSecond: 3, windowMs: 100 });
    const dones = await Promise.all([limiter.acquire("a"), limiter.acquire("b"), limiter.acquire("c")]);
    let fourth = false;
    const later = limiter.acquire("d").then((done) => {
      fourth = true;
      return done;
    });
    await new Promise((r) => setTimeout(r, 150));
    // All three still in flight: no slot frees, however long it takes.
    expect(fourth).toBe(false);
    const settled = performance.now();
    dones[0]!();
    (await later)();
    expect(performance.now() - settled).toBeGreaterThanOrEqual(99);
  });

  it("limits each chat on its own and honours a pause", async () => {
    const limiter = createRateLimiter({ perSecond: 100, perChatPerSecond: 1, windowMs: 80 });
    (await limiter.acquire("chat"))();
    const t0 = performance.now();
    (await limiter.acquire("other"))();
    expect(performance.now() - t0).toBeLessThan(40);
    (await limiter.acquire("chat"))();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
    limiter.pauseFor(60);
    expect(limiter.pausedForMs()).toBeGreaterThan(0);
    const t1 = performance.now();
    (await limiter.acquire("third"))();
    expect(performance.now() - t1).toBeGreaterThanOrEqual(55);
  });

  it("gives up waiting when aborted", async () => {
    const limiter = createRateLimiter({ perSecond: 1, windowMs: 10_000 });
    await limiter.acquire("a");
    const ctl = new AbortController();
    const waiting = limiter.acquire("b", ctl.signal);
    ctl.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});
