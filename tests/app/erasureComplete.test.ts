import { writeFileSync } from "node:fs";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/createApp.ts";
import type { ChannelName, ChannelSender } from "../../src/core/messages.ts";
import { makeCli, tmpPath } from "../cli/cliHarness.ts";
import { fixture, Person, seedKipp } from "../helpers/appHarness.ts";
import { countColumns, findInEveryTable } from "../helpers/scanDatabase.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { seedProposal } from "./status/statusHarness.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});

const TELEGRAM_ID = "7731904455";
const WA_NUMBER = "6281398765432";
const WA_JID = `${WA_NUMBER}@s.whatsapp.net`;
const FORMER_ID = "cformerid7731merged";

describe("/hapusdata", () => {
  it("leaves no row in any table holding the erased person's contact id or chat ids", async () => {
    const app = createApp({
      db: db.prisma,
      logger: pino({ level: "silent" }),
      defaultLocale: "id",
      timezone: "Asia/Jakarta",
      senders: new Map<ChannelName, ChannelSender>(),
      broadcast: { telegramPerSecond: 30, quietHours: null },
      now: () => new Date("2026-11-22T03:00:00Z"),
    });
    const p = new Person(app.handler, TELEGRAM_ID);
    await p.send(p.message("halo", { profile: { displayName: "Ibu Sari Erase", username: "sari_erase77" } }));
    await p.createProposal("Inovasi Hapus Data");
    await p.say(fixture("ringkasan", "good"));
    await p.say("selesai");
    // An SK attached, and a second file still waiting for its answer.
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    const photo = {
      kind: "image" as const,
      fileName: "sk.jpg",
      size: jpeg.byteLength,
      fetch: async () => jpeg,
    };
    await p.send(p.message(undefined, { attachment: photo }));
    await p.press("att:sk");
    await p.send(p.message(undefined, { attachment: { ...photo, fileName: "lain.jpg" } }));
    const { id: contactId } = await db.prisma.contact.findFirstOrThrow({
      where: { identities: { some: { externalId: TELEGRAM_ID } } },
      select: { id: true },
    });

    // Everything else a person leaves behind over a season.
    const cli = makeCli(db);
    const slug = "demo-kipp-2023-umum";
    const staff = ["--competition", slug, "--role", "secretariat", "--telegram-id", TELEGRAM_ID];
    expect((await cli.run("staff", "add", ...staff)).code).toBe(0);
    // A dashboard sign-in link and session while they were staff.
    expect(await p.say("/masuk")).toContain("/dashboard/masuk/");
    expect((await cli.run("staff", "remove", ...staff)).code).toBe(0);
    const text = tmpPath("erase-announcement.txt");
    writeFileSync(text, "Rapat koordinasi Senin.");
    expect(
      (await cli.run("broadcast", "create", "--competition", slug, "--text-file", text, "--yes")).code,
    ).toBe(0);
    await p.say("/berhenti");

    await db.prisma.channelIdentity.create({
      data: { contactId, channel: "whatsapp", externalId: WA_JID, phone: `+${WA_NUMBER}` },
    });
    await db.prisma.whatsAppAuth.createMany({
      data: [
        { key: `session-${WA_NUMBER}.0`, value: "{}" },
        { key: "session-6281100000001.0", value: "{}" },
      ],
    });
    await db.prisma.auditLog.create({
      data: {
        actorId: contactId,
        action: "contact.merge",
        subject: contactId,
        details: { merged: FORMER_ID, reason: "link" },
      },
    });
    const competition = await db.prisma.competition.findFirstOrThrow({
      where: { slug },
      select: { id: true },
    });
    await db.prisma.llmUsage.create({
      data: {
        contactId,
        competitionId: competition.id,
        purpose: "advice",
        model: "gpt-test",
        promptId: "advice-v1",
        outcome: "ok",
        promptTokens: 10,
        completionTokens: 5,
      },
    });
    // A wrong code (counted against the account, hashed) and a join of another unit by its code.
    await p.say("/daftar KP-ZZZZZZZZZZ");
    const other = await seedProposal(db, competition.id, { title: "Inovasi Unit Lain" });
    expect(await p.say(`/daftar ${other.code}`)).toContain("kini terhubung");
    const needles = [contactId, TELEGRAM_ID, WA_NUMBER, FORMER_ID, "sari_erase77"];
    expect((await findInEveryTable(db, needles)).length).toBeGreaterThan(10);

    // Updates of theirs a killed process left in the inbox, and someone else's, which stays.
    const waiting = (channel: string, updateId: string, payload: object) =>
      db.prisma.inboxUpdate.create({ data: { channel, updateId, payload } });
    await waiting("telegram", "990001", {
      update_id: 990001,
      message: {
        message_id: 1,
        from: { id: Number(TELEGRAM_ID) },
        chat: { id: Number(TELEGRAM_ID) },
        text: "halo",
      },
    });
    await waiting("whatsapp", "WAINBOX1", {
      key: { remoteJid: WA_JID, id: "WAINBOX1" },
      message: { conversation: "x" },
    });
    await waiting("whatsapp-cloud", "wamid.INBOX1", {
      message: { from: WA_NUMBER, id: "wamid.INBOX1", type: "text" },
    });
    await waiting("telegram", "990002", {
      update_id: 990002,
      message: { message_id: 2, from: { id: 5550001 }, chat: { id: 5550001 }, text: "pesan orang lain" },
    });

    // The stored reply of /datasaya lists the accounts: it must go with them.
    expect(await p.say("/datasaya")).toContain(WA_NUMBER);
    await p.say("/hapusdata");
    const yes = p.choices().find((c) => c.id.startsWith("erase:yes:"))!;
    expect(await p.press(yes.id)).toContain("sudah dihapus");

    const { tables, columns } = await countColumns(db);
    expect(tables).toBeGreaterThan(20);
    expect(columns).toBeGreaterThan(150);
    expect(await findInEveryTable(db, needles)).toEqual([]);
    expect(
      (await db.prisma.inboxUpdate.findMany({ select: { updateId: true } })).map((r) => r.updateId),
    ).toContain("990002");
    // What happened stays on record, without naming the person; the unit keeps its draft.
    const audit = await db.prisma.auditLog.findMany({
      where: { action: { in: ["staff.add", "staff.remove", "contact.merge", "contact.erase"] } },
      select: { action: true, subject: true },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.subject)).toEqual([
      "former member",
      "former member",
      "former member",
      "former member",
    ]);
    expect(await db.prisma.sectionDraft.count({ where: { proposal: { title: "Inovasi Hapus Data" } } })).toBe(
      1,
    );
    expect(await db.prisma.whatsAppAuth.count({ where: { key: "session-6281100000001.0" } })).toBe(1);
    expect(
      await db.prisma.proposalAttachment.count({
        where: { proposal: { title: "Inovasi Hapus Data" }, kind: "sk" },
      }),
    ).toBe(1);
    expect(await db.prisma.pendingUpload.count()).toBe(0);
    // The wrong-code count stays (under a keyed hash): erasing is no way to fresh guesses.
    expect(await db.prisma.codeAttempt.count()).toBe(1);
  }, 120_000);
});
