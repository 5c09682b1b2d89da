import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_ALPHABET, newProposalCode } from "../../../src/app/codes.ts";
import { createCompetitionCache } from "../../../src/app/competitionCache.ts";
import { createMessageHandler } from "../../../src/app/createMessageHandler.ts";
import { createNotifier } from "../../../src/app/notifier.ts";
import { createPrivacyRoutes } from "../../../src/app/privacy/createPrivacyRoutes.ts";
import { normalizeCode } from "../../../src/app/status/competitionData.ts";
import { createStatusRoutes } from "../../../src/app/status/createStatusRoutes.ts";
import { makeCli } from "../../cli/cliHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  makeSecretariat,
  makeStatusApp,
  NOW,
  Person,
  seedCompetition,
  seedMember,
  seedProposal,
  silent,
} from "./statusHarness.ts";

let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

const memberOf = async (unitId: string, externalId: string) =>
  db.prisma.membership.count({ where: { unitId, contact: { identities: { some: { externalId } } } } });

describe("a proposal code is an invitation", () => {
  it("joining tells the unit's members and the secretariat who joined and how; a member can remove the joiner", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, { unit: "Dinas Arsip Cilacap", title: "Arsip Digital" });
    const member = await seedMember(db, p.unitId);
    const waMember = await seedMember(db, p.unitId, {
      channel: "whatsapp",
      userId: "6281355500001@s.whatsapp.net",
      locale: "en",
    });
    const sek = await makeSecretariat(db, competitionId);
    const joiner = app.person();
    const joined = await joiner.send(
      joiner.message(`/daftar ${p.code}`, { profile: { displayName: "Pak Asing" } }),
    );
    expect(joined).toContain("kini terhubung dengan Dinas Arsip Cilacap");
    expect(joined).toContain("Anggota unit lainnya dan sekretariat sudah diberi tahu");

    await app.deliver();
    const told = [...app.telegram.sent, ...app.whatsapp.sent];
    expect(told.map((s) => s.chatId).sort()).toEqual([member.userId, sek.userId, waMember.userId].sort());
    const notice = app.telegram.sent.find((s) => s.chatId === member.userId)!.text;
    expect(notice).toContain(
      `Pak Asing baru saja bergabung dengan Dinas Arsip Cilacap (proposal ${p.code}) lewat Telegram`,
    );
    expect(app.whatsapp.sent[0]!.text).toContain("has just joined Dinas Arsip Cilacap");
    const ref = /\/keluarkan ([A-Z0-9]{6})/.exec(notice)![1]!;

    // Someone outside the unit cannot remove anyone; a member can.
    const outsider = app.person();
    expect(await outsider.say(`/keluarkan ${ref}`)).toContain("hanya anggota unit itu atau sekretariat");
    expect(await memberOf(p.unitId, joiner.userId)).toBe(1);
    expect(await app.person(member.userId).say(`/keluarkan ${ref}`)).toContain(
      "sudah dikeluarkan dari Dinas Arsip Cilacap",
    );
    expect(await memberOf(p.unitId, joiner.userId)).toBe(0);
    expect(await joiner.say("/status")).not.toContain(p.code);
    const audit = await db.prisma.auditLog.findMany({
      where: {
        action: { in: ["link.join", "unit.remove"] },
        OR: [{ subject: p.code }, { details: { path: ["ref"], equals: ref } }],
      },
      select: { action: true, details: true },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["link.join", "unit.remove"]);
    expect(audit[0]!.details).toMatchObject({ channel: "telegram", ref });
  });

  it("a member or the secretariat rotates the code: the old one stops working, everyone is told", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, { unit: "Kecamatan Kroya" });
    const member = await seedMember(db, p.unitId);
    const sek = await makeSecretariat(db, competitionId);
    expect(await app.person().say(`/kodebaru ${p.code}`)).toContain(
      "hanya anggota unit proposal itu atau sekretariat",
    );
    const rotated = await app.person(member.userId).say(`/kodebaru ${p.code}`);
    const fresh = /Kode barunya (KP-[A-Z0-9]{10})/.exec(rotated)![1]!;
    expect(rotated).toContain(`${p.code} tidak berlaku lagi`);
    const late = app.person();
    expect(await late.say(`/daftar ${p.code}`)).toContain("kode tidak ditemukan");
    expect(await late.say(`/daftar ${fresh}`)).toContain("kini terhubung dengan Kecamatan Kroya");
    const again = await app.person(sek.userId).say(`/kodebaru ${fresh}`);
    expect(again).toMatch(/Kode barunya KP-[A-Z0-9]{10}/);
    await app.deliver();
    expect(app.telegram.sent.filter((m) => m.chatId === sek.userId).map((m) => m.text)).toContainEqual(
      expect.stringContaining(`mengganti kode proposal ${p.code} menjadi ${fresh}`),
    );
    expect(
      await db.prisma.auditLog.count({
        where: { action: "code.rotate", details: { path: ["from"], equals: p.code } },
      }),
    ).toBe(1);
    expect(
      await db.prisma.auditLog.count({
        where: { action: "code.rotate", details: { path: ["from"], equals: fresh } },
      }),
    ).toBe(1);
  });

  it("the secretariat rotates a code from the CLI, after confirming", async () => {
    const p = await seedProposal(db, competitionId, { unit: "Kelurahan Sidanegara" });
    const cli = makeCli(db);
    const refused = await cli.run("proposal", "rotate-code", p.code);
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining("--yes") });
    expect(await db.prisma.proposal.count({ where: { code: p.code } })).toBe(1);
    const r = await cli.run("proposal", "rotate-code", p.code, "--yes");
    expect(r.code).toBe(0);
    const fresh = new RegExp(`${p.code} → (KP-[A-Z0-9]{10})`).exec(r.out)![1]!;
    expect(
      await db.prisma.proposal.findUniqueOrThrow({ where: { id: p.id }, select: { code: true } }),
    ).toEqual({
      code: fresh,
    });
    expect(await db.prisma.auditLog.count({ where: { action: "code.rotate", subject: fresh } })).toBe(1);
  });

  it("new codes have 10 characters from an unambiguous alphabet; old 4-character codes keep working", () => {
    const codes = Array.from({ length: 2_000 }, newProposalCode);
    for (const c of codes) expect(c).toMatch(new RegExp(`^KP-[${CODE_ALPHABET}]{10}$`));
    expect(new Set(codes).size).toBe(codes.length);
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(normalizeCode("kp 7q2m 9x4k td")).toBe("KP-7Q2M9X4KTD");
    expect(normalizeCode("7Q2M-9X4K-TD")).toBe("KP-7Q2M9X4KTD");
    expect(normalizeCode("kp-7q2m")).toBe("KP-7Q2M");
  });
});

describe("guessing codes", () => {
  it("five wrong codes an hour per chat account, and /hapusdata gives no fresh guesses", async () => {
    const now = { at: NOW };
    const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
    const handler = createMessageHandler({
      db: db.prisma,
      competitions,
      logger: silent,
      defaultLocale: "id",
      timezone: "Asia/Jakarta",
      now: () => now.at,
      routes: [
        ...createStatusRoutes({
          db: db.prisma,
          competitions,
          notifier: createNotifier({ db: db.prisma, quietHours: null }),
          logger: silent,
          timezone: "Asia/Jakarta",
          now: () => now.at,
        }),
        ...createPrivacyRoutes({ db: db.prisma }),
      ],
    });
    const target = await seedProposal(db, competitionId, { unit: "Target Tebakan" });
    const guesser = new Person(handler, "7300000001");
    let guesses = 0;
    let blocked = 0;
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 6; i++) {
        const out = await guesser.say(`/daftar KP-${"Z".repeat(9)}${CODE_ALPHABET[round * 6 + i]}`);
        if (out.includes("Terlalu banyak percobaan")) blocked++;
        else guesses++;
      }
      // Erase the contact and start again as "someone new".
      await guesser.say("/hapusdata");
      expect(await guesser.press("erase:yes")).toContain("sudah dihapus");
    }
    expect(guesses).toBe(5);
    expect(blocked).toBe(19);
    // Even the right code waits, and a link code counts against the same limit.
    expect(await guesser.say(`/daftar ${target.code}`)).toContain("Terlalu banyak percobaan");
    expect(await guesser.say("/tautkan 123456")).toContain("Terlalu banyak percobaan");
    // Another account is not affected; the same account may try again after the hour.
    expect(await new Person(handler, "7300000002").say(`/daftar ${target.code}`)).toContain("kini terhubung");
    now.at = new Date(NOW.getTime() + 61 * 60_000);
    expect(await guesser.say(`/daftar ${target.code}`)).toContain("kini terhubung");
    // Only keyed hashes are stored, never the account id.
    const keys = await db.prisma.codeAttempt.findMany({ select: { accountKey: true } });
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const k of keys) expect(k.accountKey).not.toContain("7300000001");
  }, 120_000);
});

describe("/tautkan joins channels of one person, never people", () => {
  it("refuses a second account on the same channel", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId);
    const owner = await seedMember(db, p.unitId);
    const code = /\b(\d{6})\b/.exec(await app.person(owner.userId).say("/tautkan"))![1]!;
    const second = app.person();
    expect(await second.say(`/tautkan ${code}`)).toContain(
      "hanya menautkan akun Telegram dengan akun WhatsApp",
    );
    expect(await memberOf(p.unitId, second.userId)).toBe(0);
    expect(
      await db.prisma.contact.count({ where: { identities: { some: { externalId: second.userId } } } }),
    ).toBe(1);
  });

  it("never carries the secretariat role to an account without it, until the secretariat grants it", async () => {
    const app = makeStatusApp(db);
    const sek = await makeSecretariat(db, competitionId);
    const code = /\b(\d{6})\b/.exec(await app.person(sek.userId).say("/tautkan"))![1]!;
    const wa = app.person("6281377700001@s.whatsapp.net", "whatsapp");
    expect(await wa.say(`/tautkan ${code}`)).toContain("salah satu akun berperan sebagai panitia");
    expect(await wa.say("/rekap")).toContain("khusus untuk sekretariat");
    // The secretariat grants the role to the WhatsApp account (klinik staff add --phone …): then it links.
    const waContact = await db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: wa.userId },
      select: { contactId: true },
    });
    await db.prisma.staffRole.create({
      data: { contactId: waContact.contactId, competitionId, role: "secretariat" },
    });
    const code2 = /\b(\d{6})\b/.exec(await app.person(sek.userId).say("/tautkan"))![1]!;
    expect(await wa.say(`/tautkan ${code2}`)).toContain("sudah ditautkan");
  });

  it("tells both accounts, logs the link, shows codes only in a private chat, and claims nothing more", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId);
    const owner = await seedMember(db, p.unitId);
    const tg = app.person(owner.userId);
    expect(await tg.send(tg.message("/tautkan", { chatId: "-1001234567" }))).toContain(
      "hanya dikirim di chat pribadi",
    );
    const wa = app.person("6281377700002@s.whatsapp.net", "whatsapp");
    expect(await wa.send(wa.message("/tautkan", { chatId: "120363000000000001@g.us" }))).toContain(
      "chat pribadi",
    );
    expect(await db.prisma.linkCode.count({ where: { contactId: owner.contactId } })).toBe(0);
    const code = /\b(\d{6})\b/.exec(await tg.say("/tautkan"))![1]!;
    const done = await wa.say(`/tautkan ${code}`);
    expect(done).toBe(
      "Akun WhatsApp ini sudah ditautkan dengan akun Telegram Bapak/Ibu. Proposal yang terhubung kini dapat dilihat dari kedua akun itu.",
    );
    expect(done).not.toMatch(/data .*sama di WhatsApp dan Telegram/);
    await app.deliver();
    // (the outbox also holds other tests' notices: look at these two accounts only)
    expect(app.telegram.sent.filter((m) => m.chatId === owner.userId).map((m) => [m.chatId, m.text])).toEqual(
      [
        [
          owner.userId,
          "🔔 Akun WhatsApp Bapak/Ibu baru saja ditautkan dengan akun Telegram ini. Bila bukan Bapak/Ibu yang melakukannya, segera hubungi sekretariat.",
        ],
      ],
    );
    expect(app.whatsapp.sent.filter((m) => m.chatId === wa.userId)).toEqual([]);
    const link = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "contact.link", subject: owner.contactId },
      select: { details: true },
    });
    expect(link.details).toEqual({ channels: ["telegram", "whatsapp"] });
  });
});
