import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAnnouncementReport } from "../../../src/app/broadcast/announcementReport.ts";
import { createWhatsAppChannel } from "../../../src/channels/whatsapp/createWhatsAppChannel.ts";
import { createMemoryAuthStore } from "../../channels/whatsapp/harness.ts";
import { createFakeSocketFactory } from "../../fakes/fakeBaileysSocket.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  announcementStatus,
  DAYTIME,
  deliveries,
  eventually,
  makeWorker,
  queueAnnouncement,
  seedCompetition,
  seedParticipants,
  silent,
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

/** A clock both the channel's send lane and the worker read; tests move it forward. */
function sharedClock() {
  const c = { offset: DAYTIME.getTime() - Date.now() };
  return { c, ms: () => Date.now() + c.offset, date: () => new Date(Date.now() + c.offset) };
}

async function openWhatsApp(dailyCap: number, clock: ReturnType<typeof sharedClock>) {
  const factory = createFakeSocketFactory({ now: clock.ms });
  const channel = createWhatsAppChannel({
    handler: async () => [],
    logger: silent,
    auth: createMemoryAuthStore(),
    makeSocket: (config) => factory.makeSocket(config),
    now: clock.ms,
    random: () => 0.5,
    pacing: { minDelayMs: 0, jitterMs: 0, dailyCap },
    terminal: { write: () => true },
  });
  await channel.start();
  const socket = factory.last;
  socket.open();
  return { channel, socket };
}

const jid = (n: number) => `62812${String(n).padStart(7, "0")}@s.whatsapp.net`;

describe("WhatsApp delivery", () => {
  it("sends through the paced lane, fails numbers not on WhatsApp at once, and posts progress as new messages", async () => {
    const clock = sharedClock();
    const { channel, socket } = await openWhatsApp(1000, clock);
    const numbers = Array.from({ length: 8 }, (_, i) => 100 + i);
    await seedParticipants(
      db,
      competitionId,
      numbers.map((n) => ({ whatsapp: jid(n), stage: "wa1" })),
    );
    socket.notOnWhatsApp.add(jid(103).split("@")[0]!);
    const composer = jid(999);
    const a = await queueAnnouncement(db, competitionId, {
      audience: { version: 1, filters: [{ kind: "stage", value: "wa1" }] },
      progressChat: { channel: "whatsapp", chatId: composer },
    });
    const worker = makeWorker(db, [["whatsapp", channel.sender]], {
      now: clock.date,
      progressStepPercent: 50,
    });
    worker.start();
    await eventually(async () => (await announcementStatus(db, a.id)) === "done", "announcement done");
    await worker.stop();
    await channel.stop();

    const to = (j: string) => socket.sent.filter((s) => s.jid === j);
    for (const n of numbers) expect(to(jid(n))).toHaveLength(n === 103 ? 0 : 1);
    const report = await loadAnnouncementReport(db.prisma, a.id);
    expect(report?.failures).toMatchObject([{ reason: "not_on_whatsapp", attempts: 1 }]);
    expect(socket.onWhatsAppQueries.filter((q) => q === jid(103).split("@")[0])).toHaveLength(1);
    // No edits on WhatsApp: a new progress message at most every 50 %, then the final report.
    const progress = to(composer).map((s) => ("text" in s.content ? s.content.text : ""));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(4);
    expect(progress.at(-1)).toMatch(/Selesai ✅ .*terkirim 7 dari 8, gagal 1, dilewati 0/);
  });

  it("reschedules what the daily cap refuses, without counting an attempt, and sends it once the cap allows", async () => {
    const clock = sharedClock();
    const first = await openWhatsApp(3, clock);
    const numbers = Array.from({ length: 5 }, (_, i) => 200 + i);
    await seedParticipants(
      db,
      competitionId,
      numbers.map((n) => ({ whatsapp: jid(n), stage: "wa2" })),
    );
    const a = await queueAnnouncement(db, competitionId, {
      audience: { version: 1, filters: [{ kind: "stage", value: "wa2" }] },
    });
    const worker = makeWorker(db, [["whatsapp", first.channel.sender]], { now: clock.date });
    worker.start();
    await eventually(
      async () =>
        (await deliveries(db, a.id)).filter((d) => d.status === "pending" && d.attempts === 0).length === 2,
      "two rescheduled",
    );
    await worker.stop();
    const rows = await deliveries(db, a.id);
    expect(rows.filter((d) => d.status === "sent")).toHaveLength(3);
    const later = rows.filter((d) => d.status === "pending");
    // The refused one carries the reason; the rest of the batch was given back for the same time.
    for (const d of later) expect(d.nextAttemptAt.getTime()).toBeGreaterThan(clock.ms() + 23 * 3_600_000);
    expect(
      later.filter((d) => d.lastError?.startsWith("transient: WhatsApp daily send cap")),
    ).not.toHaveLength(0);
    expect(first.socket.sent).toHaveLength(3);

    // A day later the cap has room again.
    clock.c.offset += 25 * 3_600_000;
    const again = makeWorker(db, [["whatsapp", first.channel.sender]], { now: clock.date });
    again.start();
    await eventually(async () => (await announcementStatus(db, a.id)) === "done", "announcement done");
    await again.stop();
    await first.channel.stop();
    expect(first.socket.sent).toHaveLength(5);
    expect(new Set(first.socket.sent.map((s) => s.jid)).size).toBe(5);
  });

  it("counts the daily cap from the delivery rows, so a restart does not reset it", async () => {
    const clock = sharedClock();
    const numbers = Array.from({ length: 5 }, (_, i) => 300 + i);
    await seedParticipants(
      db,
      competitionId,
      numbers.map((n) => ({ whatsapp: jid(n), stage: "wa3" })),
    );
    const a = await queueAnnouncement(db, competitionId, {
      audience: { version: 1, filters: [{ kind: "stage", value: "wa3" }] },
    });
    // Other sends of the last 24 hours are in the table already (earlier tests); cap = those + 3.
    const before = await db.prisma.delivery.count({
      where: { channel: "whatsapp", status: "sent", sentAt: { gt: new Date(clock.ms() - 86_400_000) } },
    });
    const cap = before + 3;
    const run = async () => {
      // A fresh channel each time: its own in-memory cap knows nothing of earlier sends.
      const wa = await openWhatsApp(1000, clock);
      const worker = makeWorker(db, [["whatsapp", wa.channel.sender]], {
        now: clock.date,
        pacing: { whatsapp: { dailyCap: cap } },
      });
      worker.start();
      return { wa, worker };
    };
    const first = await run();
    await eventually(async () => first.wa.socket.sent.length === 3, "three sent");
    await new Promise((r) => setTimeout(r, 300));
    await first.worker.stop();
    await first.wa.channel.stop();
    expect(first.wa.socket.sent).toHaveLength(3);

    const restarted = await run();
    await new Promise((r) => setTimeout(r, 500));
    expect(restarted.wa.socket.sent).toHaveLength(0);
    await restarted.worker.stop();
    await restarted.wa.channel.stop();
    const rows = await deliveries(db, a.id);
    expect(rows.filter((d) => d.status === "pending" && d.attempts === 0)).toHaveLength(2);

    clock.c.offset += 25 * 3_600_000;
    const nextDay = await run();
    await eventually(async () => (await announcementStatus(db, a.id)) === "done", "announcement done");
    await nextDay.worker.stop();
    await nextDay.wa.channel.stop();
    expect(nextDay.wa.socket.sent).toHaveLength(2);
    const sent = (await deliveries(db, a.id)).filter((d) => d.status === "sent");
    expect(sent).toHaveLength(5);
  });
});
