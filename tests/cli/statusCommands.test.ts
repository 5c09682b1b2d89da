import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KIPP, seedCompetition, seedMember, seedProposal } from "../app/status/statusHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { csvFile, makeCli, tmpPath } from "./cliHarness.ts";

let db: TestDb;
let competitionId: string;
const SLUG = "demo-kipp-2023-umum";
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

describe("klinik status set", () => {
  it("moves forward, notifies in each participant's language and skips opted-out contacts", async () => {
    const cli = makeCli(db);
    const p = await seedProposal(db, competitionId, { title: "Antar Akta" });
    const id = await seedMember(db, p.unitId);
    const en = await seedMember(db, p.unitId, { locale: "en" });
    const off = await seedMember(db, p.unitId, { optedOut: true });
    const r = await cli.run("status", "set", p.code, "verifikasi_administrasi", "--note", "Lolos berkas");
    expect(r).toMatchObject({
      code: 0,
      out: `${p.code}: pendaftaran → verifikasi_administrasi; notification queued for 2 participant contact(s).`,
    });
    expect(cli.telegram.sent).toHaveLength(0); // the CLI only queues; the bot's dispatcher sends
    await cli.deliver();
    const byChat = Object.fromEntries(cli.telegram.sent.map((s) => [s.chatId, s.text]));
    expect(Object.keys(byChat).sort()).toEqual([id.userId, en.userId].sort());
    expect(byChat[id.userId]).toContain(
      "kini berada di tahap: Verifikasi administrasi.\nCatatan sekretariat: Lolos berkas",
    );
    expect(byChat[en.userId]).toContain(
      "is now at the stage: Administrative verification.\nNote from the secretariat: Lolos berkas",
    );
    expect(byChat[off.userId]).toBeUndefined();
    const event = await db.prisma.stageEvent.findFirstOrThrow({
      where: { proposalId: p.id, stage: "verifikasi_administrasi" },
    });
    expect(event).toMatchObject({ note: "Lolos berkas", actorId: null });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "stage.set", subject: p.code },
    });
    expect(audit.details).toMatchObject({
      from: "pendaftaran",
      to: "verifikasi_administrasi",
      forced: false,
      via: "cli",
    });
  });

  it("refuses going backwards without --force", async () => {
    const cli = makeCli(db);
    const p = await seedProposal(db, competitionId, {
      passed: ["pendaftaran", "verifikasi_administrasi", "evaluasi_proposal"],
    });
    const back = await cli.run("status", "set", p.code, "pendaftaran");
    expect(back).toMatchObject({
      code: 1,
      err: `klinik: ${p.code} is at evaluasi_proposal; going back to pendaftaran needs --force`,
    });
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).stage).toBe(
      "evaluasi_proposal",
    );
    const forced = await cli.run("status", "set", p.code, "pendaftaran", "--force");
    expect(forced.code).toBe(0);
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).stage).toBe("pendaftaran");
    expect((await cli.run("status", "set", p.code, "pendaftaran")).out).toContain("already at pendaftaran");
    expect((await cli.run("status", "set", "KP-ZZZZ", "top99")).err).toContain(
      'unknown proposal code "KP-ZZZZ"',
    );
    expect((await cli.run("status", "set", p.code, "juara")).err).toContain('unknown stage "juara"');
  });
});

describe("klinik status import", () => {
  it("applies nothing when a row is bad, and everything when all are good", async () => {
    const cli = makeCli(db);
    const p1 = await seedProposal(db, competitionId);
    const p2 = await seedProposal(db, competitionId, {
      passed: ["pendaftaran", "verifikasi_administrasi", "evaluasi_proposal"],
    });
    const p3 = await seedProposal(db, competitionId);
    await seedMember(db, p1.unitId);
    const bad = csvFile([
      ["kode", "tahap", "catatan"],
      [p1.code, "verifikasi_administrasi", "ok"],
      [p2.code, "pendaftaran", ""],
      ["KP-ZZZZ", "top99", ""],
      [p1.code, "top99", ""],
      [p3.code, "juara", ""],
    ]);
    const r = await cli.run("status", "import", bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `row 3, column "stage": ${p2.code} is at evaluasi_proposal; going back to pendaftaran needs --force`,
    );
    expect(r.err).toContain('row 4, column "code": unknown proposal code "KP-ZZZZ"');
    expect(r.err).toContain(`row 5, column "code": ${p1.code} already appears in row 2`);
    expect(r.err).toContain(
      'row 6, column "stage": unknown stage "juara" (stages: pendaftaran, verifikasi_administrasi',
    );
    expect(r.err).not.toContain("row 2,");
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: p1.id } })).stage).toBe("pendaftaran");
    expect(cli.telegram.sent).toHaveLength(0);

    const good = csvFile([
      ["code", "stage", "note"],
      [p1.code, "Verifikasi administrasi", "ok"],
      [p2.code, "top99", ""],
    ]);
    const unconfirmed = await cli.run("status", "import", good);
    expect(unconfirmed).toMatchObject({ code: 2, err: expect.stringContaining("--yes") });
    expect(unconfirmed.out).toContain(`${p2.code}: evaluasi_proposal → top99`);
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: p2.id } })).stage).toBe(
      "evaluasi_proposal",
    );
    const ok = await cli.run("status", "import", good, "--yes");
    expect(ok.out).toContain("2 stage change(s) applied, 0 already at that stage; 1 notification(s) queued.");
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: p2.id } })).stage).toBe("top99");
    expect(await db.prisma.auditLog.count({ where: { action: "stage.import" } })).toBe(1);
  });
});

describe("klinik staff", () => {
  it("adds, lists and removes staff, with an audit trail", async () => {
    const cli = makeCli(db);
    const add = await cli.run(
      "staff",
      "add",
      "--competition",
      SLUG,
      "--role",
      "secretariat",
      "--phone",
      "0811-2222-3333",
      "--name",
      "Bu Ani",
    );
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/^Added secretariat Bu Ani on demo-kipp-2023-umum/);
    const judge = await cli.run(
      "staff",
      "add",
      "--competition",
      SLUG,
      "--role",
      "judge",
      "--telegram-id",
      "5550001",
      "--name",
      "Prof. Dedi",
      "--judge-ref",
      "TE-01",
    );
    expect(judge.code).toBe(0);
    expect(
      (await cli.run("staff", "add", "--competition", SLUG, "--role", "judge", "--telegram-id", "5550002"))
        .code,
    ).toBe(2);
    expect(
      (await cli.run("staff", "add", "--competition", SLUG, "--role", "juri", "--phone", "08112222333")).code,
    ).toBe(2);
    const list = await cli.run("staff", "list", "--competition", SLUG);
    expect(list.out).toContain(
      "demo-kipp-2023-umum\tsecretariat\tBu Ani\t-\t+6281122223333\tnot yet in chat\tphone:+6281122223333",
    );
    expect(list.out).toContain("demo-kipp-2023-umum\tjudge\tProf. Dedi\tTE-01\t-\tlinked\ttelegram:5550001");
    const rm = await cli.run(
      "staff",
      "remove",
      "--competition",
      SLUG,
      "--role",
      "judge",
      "--telegram-id",
      "5550001",
    );
    expect(rm.out).toBe("Removed judge from demo-kipp-2023-umum.");
    expect((await cli.run("staff", "list", "--competition", SLUG)).out).not.toContain("Prof. Dedi");
    expect(await db.prisma.auditLog.count({ where: { action: { in: ["staff.add", "staff.remove"] } } })).toBe(
      3,
    );
  });
});

describe("klinik report", () => {
  it("prints the summary and writes every proposal to CSV", async () => {
    const cli = makeCli(db);
    const file = tmpPath("report.csv");
    const r = await cli.run("report", "--competition", SLUG, "--csv", file);
    expect(r.code).toBe(0);
    const total = await db.prisma.proposal.count({ where: { competitionId } });
    expect(r.out).toContain(`(demo-kipp-2023-umum): ${total} proposal(s)`);
    expect(r.out).toMatch(/pendaftaran\s+\d+\s+Registration/);
    const csv = readFileSync(file, "utf8")
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(csv[0]).toBe(
      `code,unit,instansi,title,group,category,stage,readiness,incomplete_sections,last_activity,stuck,${KIPP.sections.map((s) => `ai_advice_${s.key}`).join(",")},sk,attachments,video`,
    );
    expect(csv).toHaveLength(total + 1);
    expect((await cli.run("report")).code).toBe(2);
  });
});
