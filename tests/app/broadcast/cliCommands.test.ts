import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  broadcastCreate,
  broadcastReport,
  broadcastRetryFailed,
  remindersRun,
} from "../../../src/cli/broadcastCommands.ts";
import { UsageError } from "../../../src/cli/cliContext.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  announcementStatus,
  eventually,
  makeWorker,
  runningClock,
  seedCompetition,
  seedParticipants,
  startTelegram,
} from "./broadcastHarness.ts";

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
  const competitionId = await seedCompetition(db, {
    slug: "kipp-cli",
    deadline: new Date("2026-12-20T16:59:00Z"),
  });
  await seedParticipants(db, competitionId, [
    { telegram: 920_001, stage: "evaluasi_proposal", region: "Jawa Tengah" },
    { telegram: 920_002, stage: "evaluasi_proposal", region: "Jawa Tengah", name: "Dinas Sosial" },
    { telegram: 920_003, stage: "evaluasi_proposal", region: "Bali" },
    { telegram: 920_004, stage: "pendaftaran", region: "Jawa Tengah", optedOut: true },
  ]);
});
afterAll(async () => {
  await db.close();
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      env: { DATABASE_URL: db.url, LOG_LEVEL: "silent" },
    },
  };
}

function textFile(text: string): string {
  const path = join(tmpdir(), `klinik-broadcast-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(path, text);
  return path;
}

describe("klinik broadcast", () => {
  it("create --dry-run counts and previews without queueing", async () => {
    const t = io();
    await broadcastCreate(t.io, {
      competition: "kipp-cli",
      audience: "region:jawa tengah",
      textFile: textFile("Rapat koordinasi Senin pukul 09.00 WIB."),
      dryRun: true,
    });
    expect(t.out[0]).toBe("Audience region:jawa tengah: 2 contact(s) to send to, from 3 proposal(s).");
    expect(t.out.join("\n")).toContain("skipped: 1 unsubscribed, 0 without a Telegram or WhatsApp chat.");
    expect(t.out.join("\n")).toContain("Rapat koordinasi Senin pukul 09.00 WIB.");
    expect(t.out.at(-1)).toBe("Dry run: nothing was queued.");
    expect(await db.prisma.announcement.count()).toBe(0);
  });

  it("refuses bad arguments with a usage error", async () => {
    const t = io();
    await expect(
      broadcastCreate(t.io, { competition: "kipp-cli", audience: "kota:Solo", textFile: textFile("x") }),
    ).rejects.toThrow(UsageError);
    await expect(
      broadcastCreate(t.io, { competition: "kipp-cli", audience: "stage:nope", textFile: textFile("x") }),
    ).rejects.toThrow(/stage "nope" is not in this competition; valid: pendaftaran, .*evaluasi_proposal/);
    await expect(
      broadcastCreate(t.io, {
        competition: "kipp-cli",
        audience: "group:umum,category:x",
        textFile: textFile("x"),
      }),
    ).rejects.toThrow(/category "x"/);
    expect(await db.prisma.announcement.count()).toBe(0);
    await expect(broadcastCreate(t.io, { competition: "nope", textFile: textFile("x") })).rejects.toThrow(
      /unknown competition/,
    );
    await expect(
      broadcastCreate(t.io, { competition: "kipp-cli", textFile: textFile("x"), at: "kemarin" }),
    ).rejects.toThrow(/--at/);
    await expect(broadcastReport(t.io, "zzzzzzzz")).rejects.toThrow(/unknown announcement/);
  });

  it("create queues for the worker; report lists failures with reasons; retry-failed resends only those", async () => {
    const t = io();
    await broadcastCreate(t.io, {
      competition: "kipp-cli",
      audience: "stage:evaluasi_proposal,region:Jawa Tengah",
      textFile: textFile("Nilai tahap evaluasi proposal sudah dapat dilihat dengan /nilai."),
      urgent: true,
    });
    const id = /^Announcement (\S+) /.exec(t.out.find((l) => l.startsWith("Announcement"))!)![1]!;
    expect(t.out.join("\n")).toContain("queued for 2 contact(s)");

    const { server, sender } = await startTelegram();
    try {
      server.blockChat(920_002);
      const worker = makeWorker(db, [["telegram", sender]], { now: runningClock(new Date()) });
      worker.start();
      await eventually(async () => (await announcementStatus(db, id)) === "done", "sent");
      await worker.stop();

      const r = io();
      await broadcastReport(r.io, id.slice(-8));
      const report = r.out.join("\n");
      expect(report).toContain("sent 1/2 · failed 1 · skipped 0 · waiting 0");
      expect(report).toMatch(
        /Dinas Sosial\ttelegram\t920002\t1\tblocked: Forbidden: bot was blocked by the user/,
      );

      const again = io();
      await broadcastRetryFailed(again.io, id);
      expect(again.out).toEqual([`1 failed delivery of ${id} queued again.`]);
      expect(await announcementStatus(db, id)).toBe("queued");
      const worker2 = makeWorker(db, [["telegram", sender]], { now: runningClock(new Date()) });
      worker2.start();
      await eventually(async () => (await announcementStatus(db, id)) === "done", "resent");
      await worker2.stop();
      expect(server.messagesTo(920_001)).toHaveLength(1);
      expect(server.callsOf("sendMessage").filter((c) => String(c.params.chat_id) === "920002")).toHaveLength(
        2,
      );
    } finally {
      await server.close();
    }
  });

  it("reminders run queues the due reminder once", async () => {
    const t = io();
    await remindersRun(t.io, new Date("2026-12-13T02:00:00Z"));
    expect(t.out[0]).toMatch(/^Reminder \S+ \(7 day\(s\) before the deadline\) queued for 3 contact\(s\)\.$/);
    const u = io();
    await remindersRun(u.io, new Date("2026-12-13T03:00:00Z"));
    expect(u.out).toEqual(["No reminder is due (or they were queued already)."]);
  });
});
