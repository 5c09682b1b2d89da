import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStatusApp, seedCompetition, seedMember, seedProposal } from "../app/status/statusHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { csvFile, makeCli, xlsxFile } from "./cliHarness.ts";

let db: TestDb;
let competitionId: string;
let a: Awaited<ReturnType<typeof seedProposal>>;
let b: Awaited<ReturnType<typeof seedProposal>>;
const SLUG = "demo-kipp-2023-umum";
const HEADER = ["kode", "juri", "kriteria", "nilai", "komentar"];

beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
  const tpl = (await db.prisma.competition.findUniqueOrThrow({ where: { id: competitionId } }))
    .template as Record<string, unknown>;
  // A twin competition on a 1–10 scale with half steps.
  await db.prisma.competition.create({
    data: {
      slug: "langkah",
      name: "Langkah",
      templateId: "kipp-2023-umum",
      template: { ...tpl, scoreScale: { min: 1, max: 10, step: 0.5 } },
      timeline: {},
    },
  });
  a = await seedProposal(db, competitionId, {
    passed: ["pendaftaran", "verifikasi_administrasi", "evaluasi_proposal"],
  });
  b = await seedProposal(db, competitionId, {
    passed: ["pendaftaran", "verifikasi_administrasi", "evaluasi_proposal"],
  });
});
afterAll(async () => {
  await db.close();
});

describe("klinik scores import", () => {
  it("applies nothing and reports every bad row with its column and reason", async () => {
    const cli = makeCli(db);
    const file = csvFile([
      HEADER,
      [a.code, "J1", "kebaruan", "80", ""],
      ["KP-ZZZZ", "J1", "kebaruan", "80", ""],
      [a.code, "J1", "keindahan", "80", ""],
      [a.code, "J1", "signifikansi", "120", ""],
      [a.code, "J1", "implementasi", "delapan", ""],
      [a.code, "", "adaptabilitas", "70", ""],
      [a.code, "J1", "kebaruan", "75", ""],
      [b.code, "J2", "sumber_daya", "", ""],
    ]);
    const r = await cli.run("scores", "import", file, "--competition", SLUG, "--stage", "evaluasi_proposal");
    expect(r.code).toBe(1);
    const lines = r.err.split("\n");
    expect(lines[0]).toBe("klinik: 7 bad row(s); nothing was imported");
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      'row 3, column "code": unknown proposal code "KP-ZZZZ" in demo-kipp-2023-umum',
      expect.stringMatching(
        /^row 4, column "criterion": unknown criterion "keindahan" \(criteria: latar_belakang, kebaruan/,
      ),
      'row 5, column "value": 120 is outside the scale 0–100',
      'row 6, column "value": "delapan" is not a number',
      'row 7, column "judge": judge is empty',
      'row 8, column "criterion": duplicate of row 2 (same proposal, judge and criterion)',
      'row 9, column "value": value is empty',
    ]);
    expect(await db.prisma.score.count()).toBe(0);
  });

  it("checks the step of the scale and refuses a stage that is not scored", async () => {
    const cli = makeCli(db);
    const other = await seedProposal(
      db,
      (await db.prisma.competition.findUniqueOrThrow({ where: { slug: "langkah" } })).id,
    );
    const file = csvFile([
      HEADER,
      [other.code, "J1", "kebaruan", "7,25", ""],
      [other.code, "J1", "signifikansi", "7,5", ""],
    ]);
    const step = await cli.run(
      "scores",
      "import",
      file,
      "--competition",
      "langkah",
      "--stage",
      "evaluasi_proposal",
    );
    expect(step.err).toContain('row 2, column "value": 7,25 is not a multiple of the step 0.5');
    expect(step.err).not.toContain("row 3");
    const unscored = await cli.run("scores", "import", file, "--competition", "langkah", "--stage", "top99");
    expect(unscored).toMatchObject({ code: 1 });
    expect(unscored.err).toContain(
      'stage "top99" is not scored (scored stages: evaluasi_proposal, presentasi_wawancara)',
    );
    expect(await db.prisma.score.count()).toBe(0);
  });

  it("dry-runs, then imports an XLSX sheet with a conflict column in one go", async () => {
    const cli = makeCli(db);
    const rows: (string | number)[][] = [
      ["Proposal Code", "Judge", "Criterion", "Value", "Comment", "Conflict"],
    ];
    const criteria = [
      "latar_belakang",
      "kebaruan",
      "implementasi",
      "signifikansi",
      "adaptabilitas",
      "sumber_daya",
      "keberlanjutan",
    ];
    for (const c of criteria) {
      rows.push([a.code, "J1", c, 80, c === "signifikansi" ? "Data sebelum-sesudah kurang" : "", ""]);
      rows.push([a.code, "J2", c, 60, "", ""]);
      rows.push([a.code, "J3", c, 0, "", "ya"]);
      rows.push([b.code, "J1", c, 90, "", ""]);
      rows.push([b.code, "J2", c, 70, "", "tidak"]);
    }
    const file = await xlsxFile(rows);
    const dry = await cli.run(
      "scores",
      "import",
      file,
      "--competition",
      SLUG,
      "--stage",
      "evaluasi_proposal",
      "--dry-run",
    );
    expect(dry.out).toBe(
      "Dry run: all 35 row(s) valid; would import 35 score(s) for 2 proposal(s), 1 conflict declaration(s). Nothing was changed.",
    );
    expect(await db.prisma.score.count()).toBe(0);

    const r = await cli.run("scores", "import", file, "--competition", SLUG, "--stage", "evaluasi_proposal");
    expect(r).toMatchObject({
      code: 0,
      out: "Imported 35 score(s) for 2 proposal(s), 1 conflict declaration(s).",
    });
    expect(await db.prisma.score.count({ where: { stage: "evaluasi_proposal" } })).toBe(35);
    expect(await db.prisma.judgeConflict.findMany({ select: { proposalId: true, judge: true } })).toEqual([
      { proposalId: a.id, judge: "J3" },
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "scores.import" } })).toBe(1);
  });

  it("keeps scores embargoed until the release, which tells the participants", async () => {
    const cli = makeCli(db);
    const app = makeStatusApp(db);
    const ma = await seedMember(db, a.unitId);
    const mb = await seedMember(db, b.unitId, {
      locale: "en",
      channel: "whatsapp",
      userId: "6281300000009@s.whatsapp.net",
    });
    await seedMember(db, b.unitId, { optedOut: true });
    expect(await app.person(ma.userId).say("/nilai")).toContain("belum diumumkan");

    const unconfirmed = await cli.run(
      "scores",
      "release",
      "--competition",
      SLUG,
      "--stage",
      "evaluasi_proposal",
    );
    expect(unconfirmed).toMatchObject({ code: 2, err: expect.stringContaining("run again with --yes") });
    expect(unconfirmed.out).toContain(
      "Release evaluasi_proposal of demo-kipp-2023-umum: 2 proposal result(s)",
    );
    expect(await db.prisma.scoreRelease.count()).toBe(0);
    expect(cli.telegram.sent).toHaveLength(0);

    const r = await cli.run(
      "scores",
      "release",
      "--competition",
      SLUG,
      "--stage",
      "evaluasi_proposal",
      "--with-comments",
      "--yes",
    );
    expect(r.err).toBe("");
    expect(r.out).toContain("Released evaluasi_proposal of demo-kipp-2023-umum: 2 proposal result(s)");
    expect(r.out).toContain("Notification queued for 2 participant contact(s).");
    await cli.deliver();
    expect(cli.telegram.sent.map((s) => [s.chatId, s.text])).toEqual([
      [
        ma.userId,
        `📣 Nilai tahap Evaluasi proposal oleh Tim Evaluasi untuk proposal ${a.code} sudah dirilis. Ketik /nilai untuk melihatnya.`,
      ],
    ]);
    expect(cli.whatsapp.sent.map((s) => s.chatId)).toEqual([mb.userId]);
    expect(cli.whatsapp.sent[0]!.text).toContain("Send /nilai");

    const out = await app.person(ma.userId).say("/nilai");
    // J3 declared a conflict: a's mean is (80 + 60) / 2 = 70 everywhere; b's 80 ranks above.
    expect(out).toContain("Total: 70 dari 100");
    expect(out).toContain('• Signifikansi: "Data sebelum-sesudah kurang"');
    const results = await db.prisma.scoreResult.findMany({
      select: { proposalId: true, total: true, rank: true, rankOf: true, advances: true },
    });
    expect(results.sort((x, y) => x.rank! - y.rank!)).toEqual([
      { proposalId: b.id, total: 80, rank: 1, rankOf: 2, advances: true },
      { proposalId: a.id, total: 70, rank: 2, rankOf: 2, advances: true },
    ]);
    const release = await db.prisma.scoreRelease.findFirstOrThrow({
      select: { stage: true, totalsOnly: true, withComments: true },
    });
    expect(release).toEqual({ stage: "evaluasi_proposal", totalsOnly: false, withComments: true });
    expect(await db.prisma.auditLog.count({ where: { action: "scores.release" } })).toBe(1);
  });

  it("declares a conflict from the command line; the next release leaves the judge out", async () => {
    const cli = makeCli(db);
    const r = await cli.run("scores", "conflict", b.code, "J2");
    expect(r).toMatchObject({ code: 0, out: `Conflict declared: J2 does not count for ${b.code}.` });
    expect((await cli.run("scores", "conflict", b.code, "J2")).out).toContain("Already declared");
    const again = await cli.run(
      "scores",
      "import",
      csvFile([HEADER, [b.code, "J1", "kebaruan", "90", ""]]),
      "--competition",
      SLUG,
      "--stage",
      "evaluasi_proposal",
    );
    expect(again.out).toContain("was released before");
    await cli.run(
      "scores",
      "release",
      "--competition",
      SLUG,
      "--stage",
      "evaluasi_proposal",
      "--totals-only",
      "--yes",
    );
    const res = await db.prisma.scoreResult.findUniqueOrThrow({
      where: { proposalId_stage: { proposalId: b.id, stage: "evaluasi_proposal" } },
    });
    expect(res.total).toBe(90);
    expect(await db.prisma.auditLog.count({ where: { action: "scores.conflict", subject: b.code } })).toBe(1);
    expect(
      (
        await cli.run(
          "scores",
          "release",
          "--competition",
          SLUG,
          "--stage",
          "x",
          "--totals-only",
          "--with-comments",
        )
      ).code,
    ).toBe(2);
  });
});
