import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  announcementStatus,
  deliveries,
  eventually,
  makeWorker,
  perChat,
  queueAnnouncement,
  seedCompetition,
  seedParticipants,
  startTelegram,
} from "./broadcastHarness.ts";

let db: TestDb;
let competitionId: string;

beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

/** 22:30 WIB (Asia/Jakarta, UTC+7) on 23 November 2026. */
const NIGHT = new Date("2026-11-23T15:30:00Z");
/** 06:00 WIB the next morning. */
const MORNING = new Date("2026-11-23T23:00:00Z");

describe("quiet hours", () => {
  it("holds non-urgent announcements until 06:00 in the competition's time zone; urgent ones go at once", async () => {
    const chats = [800_001, 800_002, 800_003];
    await seedParticipants(
      db,
      competitionId,
      chats.map((telegram) => ({ telegram, stage: "quiet" })),
    );
    const audience = { version: 1 as const, filters: [{ kind: "stage" as const, value: "quiet" }] };
    const clock = { t: NIGHT };
    // Queued at night: its deliveries wait for the morning from the start.
    const held = await queueAnnouncement(db, competitionId, { audience, at: NIGHT });
    // Queued without quiet hours (as if in the evening, retried at night): the worker holds it.
    const late = await queueAnnouncement(db, competitionId, {
      audience,
      at: NIGHT,
      quiet: null,
      text: "Susulan.",
    });
    const urgent = await queueAnnouncement(db, competitionId, {
      audience,
      at: NIGHT,
      urgent: true,
      text: "Penting.",
    });
    expect(
      (await deliveries(db, held.id)).every((d) => d.nextAttemptAt.getTime() === MORNING.getTime()),
    ).toBe(true);

    const { server, sender } = await startTelegram({ perChatPerSecond: 10 });
    try {
      const worker = makeWorker(db, [["telegram", sender]], { now: () => clock.t });
      worker.start();
      await eventually(async () => (await announcementStatus(db, urgent.id)) === "done", "urgent done");
      await eventually(
        async () =>
          (await deliveries(db, late.id)).every(
            (d) => d.status === "pending" && d.nextAttemptAt.getTime() === MORNING.getTime(),
          ),
        "late announcement held",
      );
      expect(server.messages.map((m) => m.text).every((t) => t.includes("Penting."))).toBe(true);
      expect([...perChat(server, chats).values()]).toEqual([1, 1, 1]);

      clock.t = new Date(MORNING.getTime() + 60_000);
      worker.wake();
      await eventually(async () => (await announcementStatus(db, held.id)) === "done", "held done");
      await eventually(async () => (await announcementStatus(db, late.id)) === "done", "late done");
      await worker.stop();
      expect([...perChat(server, chats).values()]).toEqual([3, 3, 3]);
      const rows = [...(await deliveries(db, held.id)), ...(await deliveries(db, late.id))];
      expect(rows.every((d) => d.status === "sent" && d.attempts === 1)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
