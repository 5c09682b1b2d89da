import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelSender } from "../../../src/core/messages.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  announcementStatus,
  DAYTIME,
  deliveries,
  eventually,
  makeWorker,
  perChat,
  queueAnnouncement,
  runningClock,
  seedCompetition,
  seedParticipants,
  startTelegram,
} from "./broadcastHarness.ts";

let db: TestDb;
let competitionId: string;
let nextChat = 700_000;

beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

/** Participants on fresh chats in their own stage, so each test has its own audience. */
async function audienceOf(n: number, stage: string) {
  const chats = Array.from({ length: n }, () => nextChat++);
  await seedParticipants(
    db,
    competitionId,
    chats.map((telegram) => ({ telegram, stage })),
  );
  const a = await queueAnnouncement(db, competitionId, {
    audience: { version: 1, filters: [{ kind: "stage", value: stage }] },
  });
  return { chats, id: a.id };
}

/** A sender that runs `onCall(n)` before handing the n-th message (1-based) to the real one. */
function spySender(
  real: ChannelSender,
  onCall: (n: number) => "hang-after-send" | undefined,
): ChannelSender & { calls: number } {
  const spy = {
    name: real.name,
    calls: 0,
    async send(chatId: string, msg: Parameters<ChannelSender["send"]>[1]) {
      spy.calls++;
      const what = onCall(spy.calls);
      const r = await real.send(chatId, msg);
      if (what === "hang-after-send") await new Promise(() => undefined);
      return r;
    },
  };
  return spy;
}

const LEASE_PASSED = new Date(DAYTIME.getTime() + 61_000);

describe("crash safety", () => {
  it("a worker aborted mid-batch leaves its claims; a new worker takes them after the lease: no duplicates, no gaps", async () => {
    const { chats, id } = await audienceOf(300, "abort");
    await using_telegram(async ({ server, sender }) => {
      let first!: ReturnType<typeof makeWorker>;
      const spy = spySender(sender, (n) => {
        if (n === 120) first.abort();
        return undefined;
      });
      first = makeWorker(db, [["telegram", spy]], {
        pacing: { telegram: { perSecond: 100, batchSize: 50, maxInFlight: 4 } },
      });
      first.start();
      await eventually(async () => spy.calls >= 120, "the abort");
      // The sends already handed to the platform finish and are recorded, as at a send boundary.
      await eventually(async () => server.calls.every((c) => c.status !== 0), "answers in flight");
      await new Promise((r) => setTimeout(r, 100));
      const afterCrash = await deliveries(db, id);
      const stuck = afterCrash.filter((d) => d.status === "sending").length;
      expect(stuck).toBeGreaterThan(0);
      expect(afterCrash.filter((d) => d.status === "sent").length).toBe(server.messages.length);

      // A restart before the lease ran out leaves the stuck rows alone…
      const early = makeWorker(db, [["telegram", sender]], { pacing: { telegram: { perSecond: 500 } } });
      early.start();
      await eventually(
        async () => (await deliveries(db, id)).filter((d) => d.status === "pending").length === 0,
        "pending sent",
      );
      await early.stop();
      expect((await deliveries(db, id)).filter((d) => d.status === "sending").length).toBe(stuck);

      // …and after it, they are claimed again and sent once.
      const second = makeWorker(db, [["telegram", sender]], {
        now: runningClock(LEASE_PASSED),
        pacing: { telegram: { perSecond: 500 } },
      });
      second.start();
      await eventually(async () => (await announcementStatus(db, id)) === "done", "announcement done");
      await second.stop();
      expect([...perChat(server, chats).values()].every((n) => n === 1)).toBe(true);
      expect((await deliveries(db, id)).every((d) => d.status === "sent")).toBe(true);
    });
  });

  it("a graceful stop gives claimed rows back at once", async () => {
    const { chats, id } = await audienceOf(120, "stop");
    await using_telegram(async ({ server, sender }) => {
      let worker!: ReturnType<typeof makeWorker>;
      let stopping: Promise<void> | undefined;
      const spy = spySender(sender, (n) => {
        if (n === 40) stopping = worker.stop();
        return undefined;
      });
      worker = makeWorker(db, [["telegram", spy]], {
        pacing: { telegram: { perSecond: 100, batchSize: 50, maxInFlight: 4 } },
      });
      worker.start();
      await eventually(async () => stopping !== undefined, "the stop");
      await stopping;
      const rows = await deliveries(db, id);
      expect(rows.filter((d) => d.status === "sending")).toHaveLength(0);
      expect(rows.filter((d) => d.status === "sent").length).toBe(server.messages.length);
      const again = makeWorker(db, [["telegram", sender]], { pacing: { telegram: { perSecond: 500 } } });
      again.start();
      await eventually(async () => (await announcementStatus(db, id)) === "done", "announcement done");
      await again.stop();
      expect([...perChat(server, chats).values()].every((n) => n === 1)).toBe(true);
    });
  });

  it("a crash between 'the platform accepted' and 'the row says sent' repeats that one message (the documented at-least-once edge)", async () => {
    const { chats, id } = await audienceOf(30, "edge");
    await using_telegram(async ({ server, sender }) => {
      let worker!: ReturnType<typeof makeWorker>;
      const spy = spySender(sender, (n) => {
        if (n !== 10) return undefined;
        queueMicrotask(() => worker.abort());
        return "hang-after-send";
      });
      worker = makeWorker(db, [["telegram", spy]], {
        pacing: { telegram: { perSecond: 100, maxInFlight: 1 } },
      });
      worker.start();
      await eventually(async () => server.messages.length >= 10 && spy.calls >= 10, "the crash");
      await new Promise((r) => setTimeout(r, 100));
      const second = makeWorker(db, [["telegram", sender]], {
        now: runningClock(LEASE_PASSED),
        pacing: { telegram: { perSecond: 500 } },
      });
      second.start();
      await eventually(async () => (await announcementStatus(db, id)) === "done", "announcement done");
      await second.stop();
      const counts = [...perChat(server, chats).values()];
      expect(counts.every((n) => n >= 1)).toBe(true);
      expect(counts.filter((n) => n === 2)).toHaveLength(1);
      expect(counts.reduce((s, n) => s + n, 0)).toBe(31);
    });
  });
});

async function using_telegram(fn: (t: Awaited<ReturnType<typeof startTelegram>>) => Promise<void>) {
  const t = await startTelegram({ perChatPerSecond: 1 });
  try {
    await fn(t);
  } finally {
    await t.server.close();
  }
}
