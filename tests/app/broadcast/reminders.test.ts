import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueReminders } from "../../../src/app/broadcast/runDueReminders.ts";
import { createCompetitionCache } from "../../../src/app/competitionCache.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  announcementStatus,
  eventually,
  KIPP,
  makeWorker,
  runningClock,
  SECTION_KEYS,
  seedCompetition,
  seedParticipants,
  startTelegram,
} from "./broadcastHarness.ts";

let db: TestDb;
let competitionId: string;
let ids: string[];

/** The upload deadline: 20 December 2026, 23:59 WIB. */
const DEADLINE = new Date("2026-12-20T16:59:00Z");
const wib = (iso: string) => new Date(`${iso}+07:00`);

beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db, { deadline: DEADLINE });
  ids = await seedParticipants(db, competitionId, [
    { telegram: 900_001, name: "Lengkap", complete: SECTION_KEYS },
    {
      telegram: 900_002,
      name: "Bu Sari",
      complete: SECTION_KEYS.filter((k) => k !== "signifikansi" && k !== "adaptabilitas"),
    },
    { telegram: 900_003, name: "Mr Budi", locale: "en", complete: ["ringkasan", "latar_belakang"] },
    { telegram: 900_004, name: "Berhenti", optedOut: true },
  ]);
});
afterAll(async () => {
  await db.close();
});

const run = (now: Date) =>
  runDueReminders({ db: db.prisma, competitions: createCompetitionCache(db.prisma, { ttlMs: 0 }), now });

describe("deadline reminders", () => {
  it("is quiet before the first reminder day and after the deadline", async () => {
    expect(await run(wib("2026-12-13T07:59"))).toEqual([]);
    expect(await run(wib("2026-12-21T08:00"))).toEqual([]);
  });

  it("goes to incomplete proposals only, naming the missing sections in each person's language, once", async () => {
    const [made, twice] = await Promise.all([run(wib("2026-12-13T08:30")), run(wib("2026-12-13T08:31"))]);
    expect([...made, ...twice]).toHaveLength(1);
    expect(await run(wib("2026-12-13T09:00"))).toEqual([]);
    const reminder = [...made, ...twice][0]!;
    expect(reminder).toMatchObject({ days: 7, recipients: 2 });

    const rows = await db.prisma.delivery.findMany({
      where: { announcementId: reminder.announcementId },
      select: { contactId: true, status: true, text: true },
    });
    expect(rows.map((r) => r.contactId).sort()).toEqual([ids[1], ids[2], ids[3]].sort());
    const textOf = (id: string) => rows.find((r) => r.contactId === id)!.text!;
    expect(rows.find((r) => r.contactId === ids[3])!.status).toBe("skipped");
    expect(textOf(ids[1]!)).toContain("tinggal 7 hari lagi");
    expect(textOf(ids[1]!)).toContain(": Signifikansi, Adaptabilitas");
    expect(textOf(ids[1]!)).not.toContain("Ringkasan");
    const english = KIPP.sections
      .filter((s) => !["ringkasan", "latar_belakang"].includes(s.key))
      .map((s) => s.title.en);
    expect(textOf(ids[2]!)).toContain(`: ${english.join(", ")}`);
    expect(textOf(ids[2]!)).toContain("in 7 days");

    const { server, sender } = await startTelegram();
    try {
      const worker = makeWorker(db, [["telegram", sender]], { now: runningClock(wib("2026-12-13T08:32")) });
      worker.start();
      await eventually(
        async () => (await announcementStatus(db, reminder.announcementId)) === "done",
        "reminder sent",
      );
      await worker.stop();
      expect(server.messagesTo(900_001)).toHaveLength(0);
      expect(server.messagesTo(900_004)).toHaveLength(0);
      expect(server.messagesTo(900_002)[0]!.text).toMatch(
        /^⏰ Pengingat · KIPP 2026\n\nBatas unggah proposal/,
      );
      expect(server.messagesTo(900_003)[0]!.text).toMatch(
        /^⏰ Reminder · KIPP 2026\n\nThe proposal upload deadline/,
      );
    } finally {
      await server.close();
    }
  });

  it("sends the next planned reminder on its day, and only the nearest one after downtime", async () => {
    const three = await run(wib("2026-12-17T08:05"));
    expect(three.map((r) => r.days)).toEqual([3]);
    expect(await run(wib("2026-12-17T10:00"))).toEqual([]);
    // The bot was down on 19 December: on the 20th only the 1-day reminder goes out.
    const late = await run(wib("2026-12-20T09:00"));
    expect(late.map((r) => r.days)).toEqual([1]);
    const text = await db.prisma.delivery.findFirst({
      where: { announcementId: late[0]!.announcementId, contactId: ids[1] },
      select: { text: true },
    });
    expect(text?.text).toContain("Batas unggah proposal hari ini");
  });

  it("is queued and sent by the worker on its own schedule", async () => {
    const other = await seedCompetition(db, {
      slug: "kota-2026",
      deadline: new Date("2027-01-10T16:59:00Z"),
      reminderDays: [2],
    });
    await seedParticipants(db, other, [{ telegram: 900_010, name: "Kota" }]);
    const { server, sender } = await startTelegram();
    try {
      const worker = makeWorker(db, [["telegram", sender]], {
        now: runningClock(wib("2027-01-08T08:15")),
        competitions: createCompetitionCache(db.prisma, { ttlMs: 0 }),
        reminderEveryMs: 50,
      });
      worker.start();
      const got = await server.waitForMessages(900_010, 1);
      await new Promise((r) => setTimeout(r, 200));
      await worker.stop();
      expect(got[0]!.text).toContain("Batas unggah proposal tinggal 2 hari lagi");
      expect(server.messagesTo(900_010)).toHaveLength(1);
      expect(await db.prisma.announcement.count({ where: { competitionId: other, kind: "reminder" } })).toBe(
        1,
      );
    } finally {
      await server.close();
    }
  });

  it("a reminder due when the competition is created is not used up with nobody to tell; people added later get it", async () => {
    const later = await seedCompetition(db, {
      slug: "provinsi-2026",
      deadline: new Date("2027-02-10T16:59:00Z"),
      reminderDays: [3],
    });
    const at = wib("2027-02-08T09:00");
    expect((await run(at)).filter((m) => m.competitionId === later)).toEqual([]);
    expect(await db.prisma.announcement.count({ where: { competitionId: later } })).toBe(0);

    await seedParticipants(db, later, [{ telegram: 900_020, name: "Pertama" }]);
    const first = (await run(wib("2027-02-08T09:05"))).filter((m) => m.competitionId === later);
    expect(first).toEqual([expect.objectContaining({ days: 3, recipients: 1 })]);

    const [added] = await seedParticipants(db, later, [{ telegram: 900_021, name: "Diimpor kemudian" }]);
    const again = (await run(wib("2027-02-08T09:10"))).filter((m) => m.competitionId === later);
    expect(again).toEqual([
      expect.objectContaining({ announcementId: first[0]!.announcementId, recipients: 1, addedLater: true }),
    ]);
    const rows = await db.prisma.delivery.findMany({
      where: { announcementId: first[0]!.announcementId },
      select: { contactId: true, status: true, text: true },
    });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.contactId === added)).toMatchObject({ status: "pending" });
    expect(rows.find((r) => r.contactId === added)!.text).toContain("tinggal 2 hari lagi");
    expect((await run(wib("2027-02-08T09:15"))).filter((m) => m.competitionId === later)).toEqual([]);
  });
});
