import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAnnouncementReport } from "../../../src/app/broadcast/announcementReport.ts";
import { type ChannelSender, TransientSendError } from "../../../src/core/messages.ts";
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

async function withTelegram<T>(
  limits: Parameters<typeof startTelegram>[0],
  fn: (t: Awaited<ReturnType<typeof startTelegram>>) => Promise<T>,
) {
  const t = await startTelegram(limits);
  try {
    return await fn(t);
  } finally {
    await t.server.close();
  }
}

const done = (id: string) =>
  eventually(async () => (await announcementStatus(db, id)) === "done", `announcement ${id} done`);

describe("Telegram delivery", () => {
  it("delivers 1,000 recipients exactly once under per-chat and global limits, with progress edited in place", async () => {
    const chats = Array.from({ length: 1000 }, (_, i) => 500_000 + i);
    await seedParticipants(
      db,
      competitionId,
      chats.map((telegram) => ({ telegram, stage: "evaluasi_proposal" })),
    );
    await withTelegram({ perChatPerSecond: 1, globalPerSecond: 2000 }, async ({ server, sender }) => {
      const a = await queueAnnouncement(db, competitionId, {
        audience: { version: 1, filters: [{ kind: "stage", value: "evaluasi_proposal" }] },
        progressChat: { channel: "telegram", chatId: "777" },
      });
      expect(a.queued).toBe(1000);
      const worker = makeWorker(db, [["telegram", sender]], {
        pacing: { telegram: { perSecond: 1500, maxInFlight: 64 } },
      });
      worker.start();
      await done(a.id);
      await worker.stop();

      const counts = perChat(server, chats);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(server.calls.filter((c) => c.status === 429)).toHaveLength(0);
      const rows = await deliveries(db, a.id);
      expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
      // One progress message, edited in place, then the final report.
      const progress = server.messagesTo(777);
      expect(progress).toHaveLength(2);
      expect(progress[0]!.text).toBe("Terkirim 1000/1000 · gagal 0 · dilewati 0");
      expect(progress[1]!.text).toMatch(
        /^Selesai ✅ Pengumuman \w{8}: terkirim 1000 dari 1000, gagal 0, dilewati 0\.$/,
      );
      const sample = server.messagesTo(chats[0]!)[0]!;
      expect(sample.text).toContain("📢 Pengumuman · KIPP 2026");
      expect(sample.text).toContain("Balas /berhenti");
    });
  });

  it("marks blocked users failed without retrying, skips opted-out contacts, and waits out a 429", async () => {
    const chats = Array.from({ length: 12 }, (_, i) => 600_000 + i);
    const ids = await seedParticipants(
      db,
      competitionId,
      chats.map((telegram, i) => ({ telegram, stage: "top99", optedOut: i === 5 })),
    );
    await withTelegram({ perChatPerSecond: 1 }, async ({ server, sender }) => {
      server.blockChat(chats[3]!);
      server.blockChat(chats[4]!);
      server.failNext("sendMessage", { status: 429, retryAfter: 1 });
      server.failNext("sendMessage", { status: 502 });
      const a = await queueAnnouncement(db, competitionId, {
        audience: { version: 1, filters: [{ kind: "stage", value: "top99" }] },
      });
      expect(a).toMatchObject({ queued: 11, skipped: 1 });
      // Opting out after the announcement was queued still counts.
      await db.prisma.contact.update({ where: { id: ids[6]! }, data: { optedOut: true } });
      const worker = makeWorker(db, [["telegram", sender]], { retry: { baseDelayMs: 50 } });
      worker.start();
      await done(a.id);
      await worker.stop();

      const sends = (chat: number) =>
        server.callsOf("sendMessage").filter((c) => String(c.params.chat_id) === String(chat));
      // The canned 429 and 502 may land on any chat; a 403 is always the last call to its chat.
      for (const blocked of [chats[3]!, chats[4]!]) {
        expect(sends(blocked).filter((c) => c.status === 403)).toHaveLength(1);
        expect(sends(blocked).at(-1)!.status).toBe(403);
      }
      expect(sends(chats[5]!)).toHaveLength(0);
      expect(sends(chats[6]!)).toHaveLength(0);
      const counts = perChat(server, chats);
      for (const [i, chat] of chats.entries())
        expect(counts.get(chat)).toBe([3, 4, 5, 6].includes(i) ? 0 : 1);
      const report = await loadAnnouncementReport(db.prisma, a.id);
      expect(report?.counts).toEqual({
        total: 12,
        sent: 8,
        failed: 2,
        skipped: 2,
        waiting: 0,
        delivered: 0,
        read: 0,
      });
      expect(report?.failures.map((f) => f.reason)).toEqual(["blocked", "blocked"]);
      expect(report?.skipped).toEqual({ opted_out: 2 });
      // The 429 and the 502 (on whichever chats they landed) were retried; the 502 cost an attempt, the 429 none.
      const rows = await deliveries(db, a.id);
      expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(10 + 1);
    });
  });
});

describe("a channel that is down", () => {
  it("pauses the lane and stops spending attempts after three failures in a row", async () => {
    const chats = Array.from({ length: 6 }, (_, i) => 650_000 + i);
    await seedParticipants(
      db,
      competitionId,
      chats.map((telegram) => ({ telegram, stage: "down" })),
    );
    const a = await queueAnnouncement(db, competitionId, {
      audience: { version: 1, filters: [{ kind: "stage", value: "down" }] },
    });
    let calls = 0;
    const sent: string[] = [];
    const flaky: ChannelSender = {
      name: "telegram",
      async send(chatId) {
        calls++;
        if (calls <= 5) throw new TransientSendError("Network error: connect ECONNREFUSED");
        sent.push(chatId);
        return { messageId: String(calls) };
      },
    };
    const worker = makeWorker(db, [["telegram", flaky]], {
      retry: { baseDelayMs: 30, maxAttempts: 3 },
      pacing: { telegram: { maxInFlight: 1 } },
    });
    worker.start();
    await done(a.id);
    await worker.stop();
    // Five failures, yet nothing failed for good: only the two before the lane saw the channel down
    // spent an attempt.
    expect(new Set(sent)).toEqual(new Set(chats.map(String)));
    const rows = await deliveries(db, a.id);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(6 + 2);
  });
});
