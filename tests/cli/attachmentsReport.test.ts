import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import mammoth from "mammoth";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAttachmentRoutes } from "../../src/app/attachments/createAttachmentRoutes.ts";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
import { renderRekap, summarize } from "../../src/app/status/report.ts";
import { releasedLines } from "../../src/cli/releasedLines.ts";
import { loadTemplateFile } from "../../src/core/templates/loadTemplates.ts";
import { loadProposalRows } from "../../src/db/queries/proposalRows.ts";
import { makeTextPdf } from "../docs/fixtures.ts";
import { KIPP, makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { makeCli, tmpPath } from "./cliHarness.ts";

// The secretariat's side of attachments: what units sent in chat shows in `klinik report` and exports.
let db: TestDb;
let code: string;
const SLUG = "demo-kipp-2023-umum";
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);

beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
  const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
  const middleware = [
    createAttachmentRoutes({ db: db.prisma, competitions, logger: pino({ level: "silent" }) }),
  ];
  const p = new Person(makeHandler(db, { competitions, middleware }));
  code = /kode (KP-[A-Z0-9]+)/.exec(await p.createProposal("Inovasi Lampiran Sekretariat"))![1]!;
  const send = (bytes: Uint8Array, fileName: string, kind: "document" | "image") =>
    p.send(
      p.message(undefined, {
        attachment: { kind, fileName, size: bytes.byteLength, fetch: async () => bytes },
      }),
    );
  await send(JPEG, "sk-tim-inovasi.jpg", "image");
  await p.press("att:sk");
  await p.press("sec:signifikansi");
  await send(await makeTextPdf(["Data antrean 2021 dan 2023."]), "data-antrean.pdf", "document");
  await p.press("att:sup:signifikansi");
  await p.say("/video https://youtu.be/abc123xyz");
  // A second proposal without anything attached.
  await new Person(makeHandler(db, { competitions, middleware })).createProposal("Inovasi Tanpa Lampiran");
});
afterAll(async () => {
  await db.close();
});

describe("attachments for the secretariat", () => {
  it("klinik report counts SKs, video links and files, and the CSV has them per proposal", async () => {
    const file = tmpPath("report-attachments.csv");
    const r = await makeCli(db).run("report", "--competition", SLUG, "--csv", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Attachments: SK Tim Inovator on 1 of 2 proposal(s), video link on 1, 2 file(s) in all",
    );
    const rows = readFileSync(file, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(rows[0]!.endsWith(",sk,attachments,video")).toBe(true);
    expect(rows.find((l) => l.startsWith(code))!.endsWith(",yes,2,yes")).toBe(true);
    expect(rows.filter((l) => l.endsWith(",no,0,no"))).toHaveLength(1);
    expect(r.out).toContain("Provisional in template kipp-2023-umum");
    expect(r.out).toContain("  - Batas kata selain Ringkasan");
    // The same counts in the secretariat's /rekap in chat.
    const competition = await db.prisma.competition.findUniqueOrThrow({ where: { slug: SLUG } });
    const report = summarize(await loadProposalRows(db.prisma, competition.id), KIPP, new Date());
    expect(renderRekap("KIPP", report, "id", "Asia/Jakarta", new Date())).toContain(
      "SK Tim Inovator terlampir: 1 dari 2 proposal · tautan video: 1 dari 2",
    );
  });

  it("klinik proposal export lists the attached files and the video link in the DOCX appendix", async () => {
    const out = tmpPath(`${code}-lampiran.docx`);
    expect((await makeCli(db).run("proposal", "export", code, "--out", out)).code).toBe(0);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain("Lampiran C. Daftar berkas lampiran");
    expect(text).toContain("• SK Tim Inovator: sk-tim-inovasi.jpg (1 KB)");
    expect(text).toMatch(/• Dokumen pendukung – Signifikansi: data-antrean\.pdf \(\d+ KB\)/);
    expect(text).toContain("Tautan video: https://youtu.be/abc123xyz");
  });

  it("klinik proposal export --files writes the attached files themselves, byte for byte", async () => {
    const dir = tmpPath(`files-${code}`);
    const r = await makeCli(db).run(
      "proposal",
      "export",
      code,
      "--out",
      tmpPath(`${code}.docx`),
      "--files",
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Wrote 2 attached file(s) to ${dir}.`);
    expect(readdirSync(dir).sort()).toEqual([
      `${code}-1-sk-sk-tim-inovasi.jpg`,
      `${code}-2-supporting-signifikansi-data-antrean.pdf`,
    ]);
    expect(new Uint8Array(readFileSync(join(dir, `${code}-1-sk-sk-tim-inovasi.jpg`)))).toEqual(JPEG);
  });

  it("klinik competition create shows the template's provisional notes", async () => {
    const r = await makeCli(db).run(
      "competition",
      "create",
      "--template",
      "sivablik-kalbar",
      "--name",
      "Sivablik 2027",
      "--deadline",
      "2027-05-31",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("Provisional in template sivablik-kalbar");
    expect(r.out).toContain("  - Kuota proposal per instansi belum diketahui.");
  });

  it("released PEKPPP results in the report read as an index with two decimals and predikat counts", () => {
    const lines = releasedLines(loadTemplateFile("prompts/templates/pekppp.json"), [
      { stage: "evaluasi_f02", code: "A", total: 90.4 },
      { stage: "evaluasi_f02", code: "B", total: 88 },
      { stage: "evaluasi_f02", code: "C", total: 70 },
    ]);
    expect(lines).toEqual([
      "Released results:",
      "  evaluasi_f02                  3 result(s), index 3.50–4.52 of 5",
      "    A – Pelayanan Prima: 1",
      "    A- – Sangat Baik: 1",
      "    B- – Baik (dengan catatan) (provisional): 1",
    ]);
  });
});
