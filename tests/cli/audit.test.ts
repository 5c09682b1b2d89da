import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeSecretariat,
  makeStatusApp,
  seedCompetition,
  seedProposal,
} from "../app/status/statusHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { makeCli } from "./cliHarness.ts";

let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

describe("the audit trail, visible", () => {
  it("CLI actions carry the operator (--as, else the OS user); klinik audit lists who did what and when", async () => {
    const cli = makeCli(db);
    const p = await seedProposal(db, competitionId, { title: "Audit Satu" });
    const q = await seedProposal(db, competitionId, { title: "Audit Dua" });
    expect((await cli.run("status", "set", p.code, "verifikasi_administrasi", "--as", "dewi")).code).toBe(0);
    expect((await cli.run("status", "set", q.code, "verifikasi_administrasi")).code).toBe(0);
    const entries = await db.prisma.auditLog.findMany({
      where: { action: "stage.set" },
      select: { subject: true, details: true },
    });
    expect(entries.find((e) => e.subject === p.code)!.details).toMatchObject({ operator: "dewi" });
    const osUser = (entries.find((e) => e.subject === q.code)!.details as { operator?: string }).operator;
    expect(osUser).toBeTruthy();
    expect(osUser).not.toBe("dewi");

    const all = await cli.run("audit", "--competition", "demo-kipp-2023-umum");
    expect(all.code).toBe(0);
    expect(all.out.split("\n")[0]).toBe("when (UTC)\twho\taction\tsubject\tdetails");
    expect(all.out).toMatch(
      new RegExp(`\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\tdewi \\(cli\\)\\tstage\\.set\\t${p.code}`),
    );
    const one = await cli.run("audit", "--proposal", q.code.toLowerCase());
    expect(one.out).toContain(q.code);
    expect(one.out).not.toContain(p.code);
    expect((await cli.run("audit", "--since", "2099-01-01")).out).toBe("No recorded actions match.");
    expect((await cli.run("audit", "--since", "kemarin")).code).toBe(2);
    expect((await cli.run("audit", "--proposal", "KP-ZZZZ")).err).toContain('unknown proposal "KP-ZZZZ"');
  });

  it("/audit shows the secretariat who did what; others are refused", async () => {
    const app = makeStatusApp(db);
    const sek = await makeSecretariat(db, competitionId);
    const r = await seedProposal(db, competitionId, { title: "Audit Tiga" });
    await app.person(sek.userId).say(`/tahap ${r.code} verifikasi_administrasi`);
    const out = await app.person(sek.userId).say("/audit");
    expect(out).toMatch(/^Riwayat tindakan, \d+ terbaru/);
    expect(out).toMatch(new RegExp(`• .* · ubah tahap ${r.code}`));
    expect(out).toContain("dewi (CLI) · ubah tahap");
    const forOne = await app.person(sek.userId).say(`/audit ${r.code}`);
    expect(forOne.split("\n")).toHaveLength(2);
    expect(await app.person().say("/audit")).toBe(
      "Maaf, perintah ini khusus untuk sekretariat kompetisi. Ketik /bantuan untuk perintah yang bisa Bapak/Ibu pakai.",
    );
  });
});
