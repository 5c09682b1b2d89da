import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBootstrapSecretariat } from "../../../src/app/status/ensureBootstrapSecretariat.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  makeSecretariat,
  makeStatusApp,
  NOW,
  seedCompetition,
  seedMember,
  seedProposal,
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

describe("/tahap", () => {
  it("moves a proposal, records who and why, and tells the participants in their language, skipping opted-out", async () => {
    const app = makeStatusApp(db);
    const sek = await makeSecretariat(db, competitionId);
    const p = await seedProposal(db, competitionId, { title: "Jemput Bola", passed: ["pendaftaran"] });
    const ida = await seedMember(db, p.unitId, { locale: "id" });
    const eng = await seedMember(db, p.unitId, {
      locale: "en",
      channel: "whatsapp",
      userId: "6281200000001@s.whatsapp.net",
    });
    const out = await seedMember(db, p.unitId, { optedOut: true });
    const other = await seedProposal(db, competitionId);
    await seedMember(db, other.unitId);

    const reply = await app.person(sek.userId).say(`/tahap ${p.code} verifikasi_administrasi Berkas lengkap`);
    expect(reply).toBe(
      `✅ ${p.code} kini di tahap Verifikasi administrasi. Pemberitahuan dikirim ke 2 kontak peserta (bertahap, sesuai antrean).`,
    );
    await app.deliver();
    expect(app.telegram.sent.map((s) => s.chatId)).toEqual([ida.userId]);
    expect(app.telegram.sent[0]!.text).toContain(
      `Proposal ${p.code} "Jemput Bola" kini berada di tahap: Verifikasi administrasi.`,
    );
    expect(app.telegram.sent[0]!.text).toContain("Catatan sekretariat: Berkas lengkap");
    expect(app.whatsapp.sent.map((s) => s.chatId)).toEqual([eng.userId]);
    expect(app.whatsapp.sent[0]!.text).toContain("is now at the stage: Administrative verification");
    expect(app.telegram.sent.some((s) => s.chatId === out.userId)).toBe(false);

    const event = await db.prisma.stageEvent.findFirstOrThrow({
      where: { proposalId: p.id, stage: "verifikasi_administrasi" },
    });
    expect(event).toMatchObject({ actorId: sek.contactId, note: "Berkas lengkap" });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "stage.set", subject: p.code },
    });
    expect(audit.actorId).toBe(sek.contactId);
    expect(audit.details).toMatchObject({ from: "pendaftaran", to: "verifikasi_administrasi", via: "chat" });
  });

  it("refuses going backwards unless forced", async () => {
    const app = makeStatusApp(db);
    const sek = await makeSecretariat(db, competitionId);
    const p = await seedProposal(db, competitionId, {
      passed: ["pendaftaran", "verifikasi_administrasi", "evaluasi_proposal"],
    });
    const person = app.person(sek.userId);
    expect(await person.say(`/tahap ${p.code} pendaftaran`)).toContain("berada sebelum tahap sekarang");
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).stage).toBe(
      "evaluasi_proposal",
    );
    expect(await person.say(`/tahap ${p.code} 2 --paksa salah input`)).toContain(
      "kini di tahap Verifikasi administrasi",
    );
    expect(await person.say(`/tahap ${p.code} verifikasi_administrasi`)).toContain("sudah berada di tahap");
    expect(await person.say(`/tahap ${p.code} juara_umum`)).toContain('Tahap "juara_umum" tidak ada');
    expect(await person.say("/tahap")).toContain("1. pendaftaran");
  });

  it("is refused to participants and judges, and to the secretariat of another competition", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId);
    const member = await seedMember(db, p.unitId);
    expect(await app.person(member.userId).say(`/tahap ${p.code} top99`)).toBe(
      "Maaf, perintah ini khusus untuk sekretariat kompetisi. Ketik /bantuan untuk perintah yang bisa Bapak/Ibu pakai.",
    );
    const judge = await seedMember(db, undefined);
    await db.prisma.staffRole.create({
      data: { contactId: judge.contactId, competitionId, role: "judge", judgeRef: "J1" },
    });
    expect(await app.person(judge.userId).say(`/tahap ${p.code} top99`)).toContain(
      "khusus untuk sekretariat",
    );

    const otherComp = await db.prisma.competition.create({
      data: {
        slug: "lain",
        name: "Lain",
        templateId: "kipp-2023-umum",
        template: (await db.prisma.competition.findUniqueOrThrow({ where: { id: competitionId } })).template!,
        timeline: {},
        isOpen: false,
      },
    });
    const foreign = await makeSecretariat(db, otherComp.id);
    expect(await app.person(foreign.userId).say(`/tahap ${p.code} verifikasi_administrasi`)).toContain(
      "kode tidak ditemukan",
    );
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).stage).toBe("pendaftaran");
    expect(
      await db.prisma.auditLog.count({
        where: { action: "access.denied", actorId: { in: [member.contactId, judge.contactId] } },
      }),
    ).toBe(2);
  });
});

describe("/rekap", () => {
  it("counts proposals per stage, readiness, incomplete units and who is stuck", async () => {
    const comp = await db.prisma.competition.create({
      data: {
        slug: "rekap-test",
        name: "Rekap Uji",
        templateId: "kipp-2023-umum",
        template: (await db.prisma.competition.findUniqueOrThrow({ where: { id: competitionId } })).template!,
        timeline: {},
        isOpen: false,
      },
    });
    const app = makeStatusApp(db);
    const sek = await makeSecretariat(db, comp.id);
    const old = new Date(NOW.getTime() - 10 * 86_400_000);
    const a = await seedProposal(db, comp.id, { unit: "Unit A", readiness: 10 });
    await seedMember(db, a.unitId, { lastActiveAt: old });
    const b = await seedProposal(db, comp.id, {
      unit: "Unit B",
      readiness: 60,
      passed: ["pendaftaran", "verifikasi_administrasi"],
    });
    await seedMember(db, b.unitId);
    const c = await seedProposal(db, comp.id, {
      unit: "Unit C",
      readiness: 100,
      passed: ["pendaftaran", "verifikasi_administrasi"],
    });
    await seedMember(db, c.unitId, { lastActiveAt: old });
    const keys = (
      await db.prisma.competition.findUniqueOrThrow({ where: { id: comp.id }, select: { template: true } })
    ).template as {
      sections: { key: string }[];
    };
    await db.prisma.sectionDraft.createMany({
      data: keys.sections.map((s) => ({ proposalId: c.id, sectionKey: s.key, mark: "complete", text: "x" })),
    });
    await seedProposal(db, comp.id, { unit: "Unit D", readiness: 30 }); // no members at all

    const out = await app.person(sek.userId).say("/rekap");
    expect(out).toContain("Rekap Rekap Uji · 4 proposal");
    expect(out).toContain("• Pendaftaran dan unggah proposal di SINOVIK: 2");
    expect(out).toContain("• Verifikasi administrasi: 2");
    expect(out).toContain("• Penganugerahan: 0");
    expect(out).toContain("• 0–24%: 1");
    expect(out).toContain("• 25–49%: 1");
    expect(out).toContain("• 50–74%: 1");
    expect(out).toContain("• 75–99%: 0");
    expect(out).toContain("• 100%: 1");
    expect(out).toContain("Bagian belum lengkap: 3 unit (3 proposal)");
    expect(out).toContain("Tertahan (tanpa aktivitas 7 hari, kelengkapan < 100%): 2");
    expect(out).toContain(`• ${a.code} Unit A · 10% · aktif terakhir 12 November`);
    expect(out).toContain("Unit D · 30% · aktif terakhir belum pernah");
    expect(out).not.toMatch(/• KP-\w+ Unit B/);
    expect(out).not.toContain("Unit C ·");
  });

  it("is refused to a participant", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId);
    const m = await seedMember(db, p.unitId, { locale: "en" });
    expect(await app.person(m.userId).say("/rekap")).toBe(
      "Sorry, this command is for the competition secretariat only. Type /bantuan for the commands you can use.",
    );
  });
});

describe("ensureBootstrapSecretariat", () => {
  it("grants the configured person secretariat on every competition, once", async () => {
    const first = await ensureBootstrapSecretariat(db.prisma, {
      phone: "+6281100001111",
      telegramId: "777001",
    });
    const count = await db.prisma.competition.count();
    expect(first.granted).toBe(count);
    const again = await ensureBootstrapSecretariat(db.prisma, {
      phone: "+6281100001111",
      telegramId: "777001",
    });
    expect(again).toEqual({ contactId: first.contactId, granted: 0 });
    expect(await ensureBootstrapSecretariat(db.prisma, {})).toEqual({ granted: 0 });
    // The Telegram id is a real identity: the person can use /rekap at once.
    const app = makeStatusApp(db);
    expect(await app.person("777001").say("/rekap")).toContain("Rekap");
    expect(await db.prisma.auditLog.count({ where: { action: "staff.add", subject: first.contactId } })).toBe(
      1,
    );
  });
});
