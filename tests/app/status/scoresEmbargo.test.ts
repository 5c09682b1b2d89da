import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { competitionById } from "../../../src/app/status/competitionData.ts";
import { releaseScores } from "../../../src/app/status/releaseScores.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { KIPP, makeStatusApp, seedCompetition, seedMember, seedProposal } from "./statusHarness.ts";

let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

const STAGE = "evaluasi_proposal";
const EVAL = ["pendaftaran", "verifikasi_administrasi", STAGE];

/** Two judges scoring every criterion: J1 gives `a`, J2 gives `b` (signifikansi gets `weak`). */
async function score(proposalId: string, a: number, b: number, weak?: number) {
  await db.prisma.score.createMany({
    data: KIPP.criteria.flatMap((c) => [
      {
        proposalId,
        judge: "J1",
        criterion: c.key,
        stage: STAGE,
        value: c.key === "signifikansi" && weak !== undefined ? weak : a,
        comment: `catatan J1 ${c.key}`,
      },
      {
        proposalId,
        judge: "J2",
        criterion: c.key,
        stage: STAGE,
        value: c.key === "signifikansi" && weak !== undefined ? weak : b,
      },
    ]),
  });
}

async function release(opts: { totalsOnly?: boolean; withComments?: boolean } = {}) {
  const competition = (await competitionById(db.prisma, competitionId))!;
  return releaseScores(db.prisma, competition, STAGE, opts);
}

describe("/nilai and the release embargo", () => {
  it("shows nothing before the release, then criteria, total, rank band and coaching tips for weak criteria", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, { title: "Layanan Cepat", passed: EVAL });
    await seedProposal(db, competitionId, { passed: EVAL }).then((q) => score(q.id, 90, 90));
    await score(p.id, 80, 70, 40);
    const m = await seedMember(db, p.unitId);
    const person = app.person(m.userId);

    const before = await person.say("/nilai");
    expect(before).toContain(
      "Nilai tahap Evaluasi proposal oleh Tim Evaluasi belum diumumkan. Saya kabari begitu dirilis sekretariat.",
    );
    expect(before).not.toMatch(/\d+,\d/);

    await release();
    const after = await person.say("/nilai");
    expect(after).toContain(`${p.code} "Layanan Cepat" · Nilai tahap Evaluasi proposal oleh Tim Evaluasi`);
    expect(after).toContain("• Latar Belakang dan Tujuan (bobot 10%): 75");
    expect(after).toContain("• Signifikansi (bobot 30%): 40");
    // 70% × 75 + 30% × 40 = 64.5
    expect(after).toContain("Total: 64,5 dari 100");
    // Still in the desk evaluation: the Top 99 has not been announced, so no rank is told.
    expect(after).not.toContain("Peringkat");
    expect(after).toContain("Menurut nilai juri tahap Evaluasi proposal oleh Tim Evaluasi");
    // No draft yet: every element of the weak criterion's section is missing, the first tip shown.
    expect(after).toContain("⚠️ Signifikansi dinilai 40/100: data sebelum dan sesudah, ");
    const tip = KIPP.sections.find((s) => s.key === "signifikansi")!.elements[0]!.tip.id;
    expect(after).toContain(`Tip: ${tip}`);
    expect(after).not.toContain("Catatan penilaian");
  });

  it("tells the rank only once the template's cut is announced, never below the pass mark or as an invented band", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, { title: "Layanan Urutan", passed: EVAL });
    await score(p.id, 80, 80);
    const m = await seedMember(db, p.unitId);
    await release();
    const person = app.person(m.userId);
    expect(await person.say("/nilai")).not.toContain("Peringkat:");
    await db.prisma.proposal.update({ where: { id: p.id }, data: { stage: "top99" } });
    expect(await person.say("/nilai")).toContain("Peringkat: Top 99 (Kelompok Umum)");
    expect(await person.say("/nilai")).not.toMatch(/\d+ besar/);
  });

  it("shows the total only for a totals-only release", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, { passed: EVAL });
    await score(p.id, 60, 80, 30);
    const m = await seedMember(db, p.unitId, { locale: "en" });
    await release({ totalsOnly: true });
    const out = await app.person(m.userId).say("/nilai");
    expect(out).toContain("Scores of the Proposal evaluation by the Evaluation Team stage");
    expect(out).toMatch(/Total: [\d.]+ of 100/);
    expect(out).not.toContain("weight");
    expect(out).not.toContain("Rank");
    expect(out).not.toContain("Tip:");
  });

  it("shows the judges' comments only when released with comments, never a conflicted judge's", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, { passed: EVAL });
    await score(p.id, 70, 70);
    await db.prisma.score.create({
      data: {
        proposalId: p.id,
        judge: "J3",
        criterion: "kebaruan",
        stage: STAGE,
        value: 0,
        comment: "komentar juri berkonflik",
      },
    });
    await db.prisma.judgeConflict.create({ data: { proposalId: p.id, judge: "J3" } });
    const m = await seedMember(db, p.unitId);
    await release({ withComments: true });
    const out = await app.person(m.userId).say("/nilai");
    expect(out).toContain("Catatan penilaian:");
    expect(out).toContain('• Kebaruan / Nilai Tambah: "catatan J1 kebaruan"');
    expect(out).not.toContain("berkonflik");
    // J3's 0 is left out: the mean stays 70.
    expect(out).toContain("Total: 70 dari 100");
  });

  it("answers plain-language score questions in Indonesian and English", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, { passed: EVAL });
    await score(p.id, 88, 92);
    await release();
    const id = await seedMember(db, p.unitId);
    const en = await seedMember(db, p.unitId, { locale: "en" });
    expect(await app.person(id.userId).say("berapa nilai kami?")).toContain("Total: 90 dari 100");
    expect(await app.person(en.userId).say("what is our score?")).toContain("Total: 90 of 100");
  });

  it("keeps later imports embargoed until the next release", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, { passed: EVAL });
    await score(p.id, 50, 50);
    await release();
    const m = await seedMember(db, p.unitId);
    expect(await app.person(m.userId).say("/nilai")).toContain("Total: 50 dari 100");
    await db.prisma.score.updateMany({ where: { proposalId: p.id }, data: { value: 100 } });
    expect(await app.person(m.userId).say("/nilai")).toContain("Total: 50 dari 100");
    await release();
    expect(await app.person(m.userId).say("/nilai")).toContain("Total: 100 dari 100");
  });
});
