import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { makeStatusApp, NOW, seedCompetition, seedMember, seedProposal } from "./statusHarness.ts";

let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

describe("/status", () => {
  it("shows the current stage, the stages passed with dates and the next stage with its expected date", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, {
      title: "Jemput Bola KTP-el untuk Lansia dan Disabilitas",
      passed: ["pendaftaran", "verifikasi_administrasi"],
    });
    const m = await seedMember(db, p.unitId);
    const out = await app.person(m.userId).say("/status");
    expect(out).toContain(`${p.code} "Jemput Bola KTP-el untuk Lansia dan Disabilitas"`);
    expect(out).toContain("Tahap sekarang: Verifikasi administrasi (sejak 22 November)");
    expect(out).toContain("✔ Pendaftaran dan unggah proposal di SINOVIK 21 November");
    // The demo timeline puts desk_evaluation 40 days after NOW.
    expect(out).toContain("Berikutnya: Evaluasi proposal oleh Tim Evaluasi, perkiraan 1 Januari 2027.");
  });

  it("answers in English for an English-speaking contact", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, {
      passed: ["pendaftaran", "verifikasi_administrasi", "evaluasi_proposal"],
    });
    const m = await seedMember(db, p.unitId, { locale: "en" });
    const out = await app.person(m.userId).say("/status");
    expect(out).toContain("Current stage: Proposal evaluation by the Evaluation Team (since 22 November)");
    expect(out).toMatch(
      /✔ Registration and proposal upload in SINOVIK 20 November · ✔ Administrative verification 21 November/,
    );
    expect(out).toContain("Next: Top 99 announced, expected 21 January 2027.");
  });

  it("tells a contact without a linked proposal how to link, with the share-phone button on Telegram", async () => {
    const app = makeStatusApp(db);
    const person = app.person();
    const out = await person.say("/status");
    expect(out).toContain("/daftar");
    expect(person.last[0]!.requestContact).toBe(true);
    const wa = app.person("6281299990000@s.whatsapp.net", "whatsapp");
    const waOut = await wa.say("/status");
    expect(waOut).toContain("/daftar");
    expect(wa.last[0]!.requestContact).toBeUndefined();
  });

  it("refuses another unit's code without telling whether it exists", async () => {
    const app = makeStatusApp(db);
    const mine = await seedProposal(db, competitionId);
    const theirs = await seedProposal(db, competitionId, { title: "Rahasia unit lain" });
    const m = await seedMember(db, mine.unitId);
    const person = app.person(m.userId);
    const other = await person.say(`/status ${theirs.code}`);
    expect(other).toContain(`proposal ${theirs.code} tidak dapat saya tampilkan`);
    expect(other).not.toContain("Rahasia");
    const missing = await person.say("/status KP-ZZZZ");
    expect(missing).toBe(other.replace(theirs.code, "KP-ZZZZ"));
    const own = await person.say(`/status ${mine.code.toLowerCase()}`);
    expect(own).toContain(mine.code);
    expect(await person.say("/status kami")).toContain(mine.code);
    const denied = await db.prisma.auditLog.count({
      where: { action: "access.denied", actorId: m.contactId },
    });
    expect(denied).toBe(2);
  });

  it("lets the secretariat see any proposal of their competition by code", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId);
    const s = await seedMember(db, undefined);
    await db.prisma.staffRole.create({
      data: { contactId: s.contactId, competitionId, role: "secretariat" },
    });
    expect(await app.person(s.userId).say(`/status ${p.code}`)).toContain("Tahap sekarang");
    expect(await app.person(s.userId).say("/status")).toContain("/rekap");
  });

  it("lets a judge see a proposal they scored, and no other", async () => {
    const app = makeStatusApp(db);
    const scored = await seedProposal(db, competitionId);
    const other = await seedProposal(db, competitionId);
    const j = await seedMember(db, undefined);
    await db.prisma.staffRole.create({
      data: { contactId: j.contactId, competitionId, role: "judge", judgeRef: "J07" },
    });
    await db.prisma.score.create({
      data: {
        proposalId: scored.id,
        judge: "J07",
        criterion: "kebaruan",
        stage: "evaluasi_proposal",
        value: 70,
      },
    });
    expect(await app.person(j.userId).say(`/status ${scored.code}`)).toContain("Tahap sekarang");
    expect(await app.person(j.userId).say(`/status ${other.code}`)).toContain("tidak dapat saya tampilkan");
  });

  it("uses the dates of the stage events in the competition's time zone", async () => {
    const app = makeStatusApp(db, { now: new Date(NOW.getTime() + 3_600_000) });
    const p = await seedProposal(db, competitionId);
    await db.prisma.stageEvent.updateMany({
      where: { proposalId: p.id },
      data: { createdAt: new Date("2026-11-21T18:30:00Z") },
    });
    const m = await seedMember(db, p.unitId);
    // 18:30 UTC is already the next day in Jakarta.
    expect(await app.person(m.userId).say("/status")).toContain("(sejak 22 November)");
  });
});
