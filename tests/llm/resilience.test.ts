import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/fakeOpenAIServer.ts";
import { sectionInput, setup } from "./fixtures.ts";

let fake: FakeOpenAIServer;
beforeEach(async () => {
  fake = await startFakeOpenAIServer();
});
afterEach(async () => {
  await fake.close();
});

describe("retries, timeouts, concurrency and quota", () => {
  it("retries after a 429, honouring retry-after, and succeeds", async () => {
    const { coach, usage, warnings } = setup(fake);
    fake.enqueue({ kind: "status", status: 429, headers: { "retry-after": "1" } });
    const started = Date.now();
    const fb = await coach.sectionFeedback(sectionInput());
    expect(fb).not.toBeNull();
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.receivedAt - fake.requests[0]!.receivedAt).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(usage.entries).toHaveLength(1);
    expect(warnings()).toEqual([]);
  });

  it("gives up after 500 three times (maxRetries 2) with backoff between attempts", async () => {
    const { coach, usage, warnings } = setup(fake, { maxRetries: 2 });
    fake.respondWith(() => ({ kind: "status", status: 500 }));
    await expect(coach.sectionFeedback(sectionInput())).resolves.toBeNull();
    expect(fake.requests).toHaveLength(3);
    const [a, b, c] = fake.requests.map((r) => r.receivedAt);
    expect(b! - a!).toBeGreaterThanOrEqual(300); // 500 ms minus up to 25% jitter
    expect(c! - b!).toBeGreaterThanOrEqual(700); // 1 s minus up to 25% jitter
    expect(warnings()).toEqual([
      expect.objectContaining({ reason: "server_error", status: 500, attempts: 3 }),
    ]);
    expect(usage.entries).toEqual([]); // unanswered calls do not eat the quota
  });

  it("does not retry a 400", async () => {
    const { coach, warnings } = setup(fake);
    fake.enqueue({ kind: "status", status: 400 });
    await expect(coach.sectionFeedback(sectionInput())).resolves.toBeNull();
    expect(fake.requests).toHaveLength(1);
    expect(warnings()).toEqual([expect.objectContaining({ reason: "http_error", status: 400 })]);
  });

  it("does not wait for a retry-after beyond the deadline", async () => {
    const { coach, warnings } = setup(fake, { timeoutMs: 2_000 });
    fake.enqueue({ kind: "status", status: 429, headers: { "retry-after": "3600" } });
    const started = Date.now();
    await expect(coach.sectionFeedback(sectionInput())).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(warnings()).toEqual([expect.objectContaining({ reason: "rate_limited", attempts: 1 })]);
  });

  it("returns null within the timeout when the server hangs", async () => {
    const { coach, warnings } = setup(fake, { timeoutMs: 300 });
    fake.respondWith(() => ({ kind: "hang" }));
    const started = Date.now();
    await expect(coach.sectionFeedback(sectionInput())).resolves.toBeNull();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1_500);
    expect(warnings()).toEqual([expect.objectContaining({ reason: "timeout" })]);
  });

  it("returns null when the server is unreachable", async () => {
    const { coach, warnings } = setup(fake, { baseURL: "http://127.0.0.1:1/v1", maxRetries: 0 });
    await expect(coach.sectionFeedback(sectionInput())).resolves.toBeNull();
    expect(warnings()).toEqual([expect.objectContaining({ reason: "connection_error" })]);
  });

  it("keeps at most `concurrency` requests in flight and queues the rest", async () => {
    const { coach } = setup(fake, { concurrency: 2 });
    fake.respondWith(() => ({ kind: "json", delayMs: 80 }));
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) => coach.sectionFeedback(sectionInput({ contactId: `c${i}` }))),
    );
    expect(results.every((r) => r !== null)).toBe(true);
    expect(fake.requests).toHaveLength(7);
    expect(fake.maxInFlight).toBe(2);
  });

  it("bounds a queued call by the same deadline: both calls end by it when the first hangs", async () => {
    const { coach, warnings } = setup(fake, { concurrency: 1, timeoutMs: 300 });
    fake.respondWith(() => ({ kind: "hang" }));
    const started = Date.now();
    const results = await Promise.all([
      coach.sectionFeedback(sectionInput({ contactId: "a" })),
      coach.sectionFeedback(sectionInput({ contactId: "b" })),
    ]);
    expect(results).toEqual([null, null]);
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(warnings().map((w) => w.reason)).toEqual(["timeout", "timeout"]);
  });

  it("returns null without a request once the contact's daily quota is used", async () => {
    let now = new Date("2025-05-01T16:00:00Z"); // 23:00 WIB
    const { coach, usage, warnings } = setup(fake, { dailyQuotaPerContact: 2, now: () => now });
    expect(await coach.sectionFeedback(sectionInput())).not.toBeNull();
    expect(
      await coach.classifyIntent({ locale: "id", text: "status?", contactId: "contact-1" }),
    ).not.toBeNull();
    await expect(coach.sectionFeedback(sectionInput())).resolves.toBeNull();
    expect(fake.requests).toHaveLength(2);
    expect(warnings()).toEqual([expect.objectContaining({ reason: "quota_exceeded", used: 2, quota: 2 })]);
    // Another contact is not affected.
    expect(await coach.sectionFeedback(sectionInput({ contactId: "contact-2" }))).not.toBeNull();
    // A new day in Asia/Jakarta starts at 17:00 UTC.
    now = new Date("2025-05-01T17:00:00Z");
    expect(await coach.sectionFeedback(sectionInput())).not.toBeNull();
    expect(usage.entries).toHaveLength(4);
  });

  it("counts calls in flight against the quota", async () => {
    const { coach } = setup(fake, { dailyQuotaPerContact: 2 });
    fake.respondWith(() => ({ kind: "json", delayMs: 50 }));
    const results = await Promise.all(Array.from({ length: 4 }, () => coach.sectionFeedback(sectionInput())));
    expect(results.filter((r) => r !== null)).toHaveLength(2);
    expect(fake.requests).toHaveLength(2);
  });

  it("returns null when the usage store fails", async () => {
    const { coach, warnings } = setup(fake, {
      usage: {
        record: async () => {},
        countCalls: async () => {
          throw new Error("database down");
        },
      },
    });
    await expect(coach.sectionFeedback(sectionInput())).resolves.toBeNull();
    expect(fake.requests).toHaveLength(0);
    expect(warnings()).toEqual([expect.objectContaining({ reason: "usage_store_error" })]);
  });
});
