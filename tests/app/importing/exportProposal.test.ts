import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neutralizeFormula } from "../../../src/app/exporting/formulaSafeCsv.ts";
import { exportCompetition } from "../../../src/app/importing/exportCompetition.ts";
import { DOCX_MIME, exportProposal } from "../../../src/app/importing/exportProposal.ts";
import { seedDemo } from "../../../src/app/seedDemo.ts";
import type { CliIo } from "../../../src/cli/cliContext.ts";
import { exportProposals, proposalExport, proposalImport } from "../../../src/cli/documentCommands.ts";
import { checkProposal } from "../../../src/core/completeness/checkProposal.ts";
import { splitIntoSections } from "../../../src/core/importing/splitIntoSections.ts";
import type { OutgoingDocument } from "../../../src/core/messages.ts";
import { extractText } from "../../../src/docs/extractText.ts";
import { makeDocx } from "../../docs/fixtures.ts";
import { KIPP, SAMPLE } from "../../docs/sampleProposal.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";

let db: TestDb;
let dir: string;
const SLUG = `demo-${KIPP.id}`;

beforeAll(async () => {
  db = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), "klinik-export-"));
  await seedDemo(db.prisma, KIPP, new Date("2026-11-22T03:00:00Z"));
  const competition = await db.prisma.competition.findUniqueOrThrow({
    where: { slug: SLUG },
    select: { id: true },
  });
  const unit = await db.prisma.unit.create({
    data: { name: "Puskesmas Sukamaju", instansi: "Pemerintah Kabupaten Sukamaju" },
    select: { id: true },
  });
  const mk = (code: string, title: string, texts: Record<string, string>) =>
    db.prisma.proposal.create({
      data: {
        competitionId: competition.id,
        unitId: unit.id,
        code,
        title,
        stage: "pendaftaran",
        sections: { create: Object.entries(texts).map(([sectionKey, text]) => ({ sectionKey, text })) },
      },
      select: { id: true },
    });
  const a = await mk("KP-AAAA", "SIPANDU: Sistem Antrean Pintar dan Rujukan Terpadu", SAMPLE);
  await mk("KP-BBBB", '=HYPERLINK("x"), judul, dengan koma', { ringkasan: SAMPLE.ringkasan! });
  await db.prisma.aiSuggestion.create({
    data: {
      proposalId: a.id,
      sectionKey: "signifikansi",
      kind: "section_feedback",
      suggestion: "Tambahkan data sebelum dan sesudah.",
      createdAt: new Date("2026-11-20T03:15:00Z"),
    },
  });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sectionsOf(bytes: Uint8Array, name: string) {
  const r = await extractText(bytes, name);
  if (!r.ok) throw new Error(r.reason);
  return Object.fromEntries(splitIntoSections(KIPP, r.text).sections.map((s) => [s.key, s.text]));
}

function cli(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    env: { DATABASE_URL: db.url, LOG_LEVEL: "silent" },
  };
}

describe("exportProposal (by code, from the database)", () => {
  it("exports DOCX with the stored texts and the AI-use log; it imports back to the same sections", async () => {
    const r = await exportProposal(db.prisma, { code: "KP-AAAA", format: "docx", locale: "id" });
    if (!r.ok) throw new Error(r.reason);
    expect(r.document.fileName).toBe("KP-AAAA-sipandu-sistem-antrean-pintar-dan-rujukan.docx");
    expect(r.document.mimeType).toBe(DOCX_MIME);
    expect(await sectionsOf(r.document.data, r.document.fileName)).toEqual(SAMPLE);
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(r.document.data) })).value;
    expect(raw).toContain("Unit pelayanan: Puskesmas Sukamaju, Pemerintah Kabupaten Sukamaju");
    expect(raw).toMatch(/20 Nov 2026,? 10[.:]15 · Signifikansi\n\nTambahkan data sebelum dan sesudah\./);
  });

  it("exports plain text, and says when the code is unknown", async () => {
    const r = await exportProposal(db.prisma, { code: "KP-AAAA", format: "txt", locale: "en" });
    if (!r.ok) throw new Error(r.reason);
    expect(r.document.mimeType).toMatch(/^text\/plain/);
    const txt = new TextDecoder().decode(r.document.data);
    expect(txt).toContain(`=== Summary (60–200 words) ===\n${SAMPLE.ringkasan}\n`);
    expect(await sectionsOf(r.document.data, r.document.fileName)).toEqual(SAMPLE);
    expect(await exportProposal(db.prisma, { code: "KP-NONE", format: "txt", locale: "id" })).toEqual({
      ok: false,
      reason: "proposal_not_found",
    });
  });
});

describe("exportCompetition (secretariat bulk export)", () => {
  const collect = async (docs: AsyncIterable<OutgoingDocument>) => {
    const out: OutgoingDocument[] = [];
    for await (const d of docs) out.push(d);
    return out;
  };

  it("one CSV: code, unit, title, stage, readiness, words + mark per section, SK and attachments (safe for Excel)", async () => {
    const r = await exportCompetition(db.prisma, { competition: SLUG, format: "csv", locale: "id" });
    if (!r.ok) throw new Error(r.reason);
    const [csv] = await collect(r.documents);
    const lines = new TextDecoder()
      .decode(csv!.data)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      [
        "code,unit,title,stage,readiness",
        ...KIPP.sections.map((s) => `${s.key}_words,${s.key}_mark`),
        "sk,attachments,video",
      ].join(","),
    );
    const check = checkProposal(KIPP, SAMPLE);
    expect(lines[1]).toBe(
      [
        'KP-AAAA,"Puskesmas Sukamaju, Pemerintah Kabupaten Sukamaju",SIPANDU: Sistem Antrean Pintar dan Rujukan Terpadu,pendaftaran',
        check.readiness,
        ...check.sections.flatMap((s) => [s.words, s.mark]),
        "no,0,",
      ].join(","),
    );
    expect(lines[2]).toMatch(
      /^KP-BBBB,"Puskesmas Sukamaju, Pemerintah Kabupaten Sukamaju","'=HYPERLINK\(""x""\), judul, dengan koma",pendaftaran,0,68,complete,0,empty,/,
    );
    expect(neutralizeFormula("-1+1")).toBe("'-1+1");
  });

  it("one DOCX per proposal, and a clear answer for an unknown competition", async () => {
    const r = await exportCompetition(db.prisma, { competition: SLUG, format: "docx", locale: "id" });
    if (!r.ok) throw new Error(r.reason);
    expect(r.count).toBe(2);
    const docs = await collect(r.documents);
    expect(docs.map((d) => d.fileName)).toEqual([
      "KP-AAAA-sipandu-sistem-antrean-pintar-dan-rujukan.docx",
      "KP-BBBB-hyperlink-x-judul-dengan-koma.docx",
    ]);
    expect(await exportCompetition(db.prisma, { competition: "nope", format: "csv", locale: "id" })).toEqual({
      ok: false,
      reason: "competition_not_found",
    });
  });
});

describe("CLI document commands", () => {
  it("proposal import: --dry-run prints the mapping only; without it the sections are saved", async () => {
    const file = join(dir, "draf-baru.docx");
    writeFileSync(
      file,
      await makeDocx([
        { heading: "1. Ringkasan" },
        {
          text: "Ringkasan baru: waktu tunggu turun dari 180 menjadi 30 menit sejak Juli 2021 karena antrean daring.",
        },
        { heading: "Lampiran" },
        { text: "Foto." },
      ]),
    );
    const dry = cli();
    await proposalImport(dry, "KP-BBBB", file, { dryRun: true });
    expect(dry.lines.join("\n")).toContain('✅ 1. Ringkasan ← "1. Ringkasan" · 16 kata (panduan 60–200)');
    expect(dry.lines.join("\n")).toContain('[1] "Lampiran Foto." (2 kata)');
    expect(dry.lines.at(-1)).toBe("Dry run: nothing saved.");
    const stored = () =>
      db.prisma.sectionDraft.findFirstOrThrow({
        where: { proposal: { code: "KP-BBBB" }, sectionKey: "ringkasan" },
        select: { text: true },
      });
    expect((await stored()).text).toBe(SAMPLE.ringkasan);

    const io = cli();
    await proposalImport(io, "KP-BBBB", file);
    expect(io.lines).toContain("Saved 1 section(s) of KP-BBBB as new revisions (source: import).");
    expect((await stored()).text).toMatch(/^Ringkasan baru/);
    await expect(proposalImport(cli(), "KP-NONE", file)).rejects.toThrow(/no proposal with code "KP-NONE"/);
    const scan = join(dir, "scan.pdf");
    writeFileSync(scan, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]));
    await expect(proposalImport(cli(), "KP-BBBB", scan)).rejects.toThrow(
      /kirim versi teks: DOCX.*\(image_only\)/,
    );
  });

  it("proposal export writes one file; proposals export writes a CSV or one DOCX each", async () => {
    const io = cli();
    await proposalExport(io, "KP-AAAA", { out: `${dir}/out/`, format: "txt" });
    const written = join(dir, "out", "KP-AAAA-sipandu-sistem-antrean-pintar-dan-rujukan.txt");
    expect(io.lines[0]).toBe(`Wrote ${written} (${readFileSync(written).byteLength} bytes).`);
    await expect(proposalExport(cli(), "KP-AAAA", { format: "pdf" })).rejects.toThrow(
      /--format must be docx or txt/,
    );

    await exportProposals(cli(), { competition: SLUG, format: "csv", outDir: join(dir, "bulk") });
    await exportProposals(cli(), { competition: SLUG, format: "docx", outDir: join(dir, "bulk") });
    expect(readdirSync(join(dir, "bulk")).sort()).toEqual([
      "KP-AAAA-sipandu-sistem-antrean-pintar-dan-rujukan.docx",
      "KP-BBBB-hyperlink-x-judul-dengan-koma.docx",
      `${SLUG}-proposals.csv`,
    ]);
  });
});
