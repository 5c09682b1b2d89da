import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignUnmatched,
  DocumentImportError,
  importProposalDocument,
} from "../../../src/app/importing/importProposalDocument.ts";
import { seedDemo } from "../../../src/app/seedDemo.ts";
import { checkProposal } from "../../../src/core/completeness/checkProposal.ts";
import { checkSection } from "../../../src/core/completeness/checkSection.ts";
import { importFailureTexts } from "../../../src/core/importing/importTexts.ts";
import { MAX_FILE_BYTES } from "../../../src/docs/extractText.ts";
import {
  makeDocx,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeManyPagesPdf,
  makeTextPdf,
  paragraphs,
} from "../../docs/fixtures.ts";
import { KIPP, SAMPLE } from "../../docs/sampleProposal.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";

let db: TestDb;
let contactId: string;
let seq = 0;

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db.prisma, KIPP, new Date("2026-11-22T03:00:00Z"));
  contactId = (await db.prisma.contact.create({ data: { displayName: "Ibu Rina" }, select: { id: true } }))
    .id;
});
afterAll(async () => {
  await db.close();
});

async function newProposal(): Promise<string> {
  const competition = await db.prisma.competition.findFirstOrThrow({ select: { id: true } });
  const unit = await db.prisma.unit.upsert({
    where: { name_instansi: { name: "Puskesmas Sukamaju", instansi: "Pemerintah Kabupaten Sukamaju" } },
    create: { name: "Puskesmas Sukamaju", instansi: "Pemerintah Kabupaten Sukamaju" },
    update: {},
    select: { id: true },
  });
  const p = await db.prisma.proposal.create({
    data: {
      competitionId: competition.id,
      unitId: unit.id,
      code: `KP-IMP${++seq}`,
      title: "SIPANDU",
      stage: "pendaftaran",
    },
    select: { id: true },
  });
  return p.id;
}

/** Everything an import may touch, to prove a failed one touched nothing. */
async function snapshot(proposalId: string) {
  const [drafts, revisions, proposal, audits] = await Promise.all([
    db.prisma.sectionDraft.findMany({
      where: { proposalId },
      select: { sectionKey: true, text: true, mark: true },
      orderBy: { sectionKey: "asc" },
    }),
    db.prisma.sectionRevision.count({ where: { draft: { proposalId } } }),
    db.prisma.proposal.findUniqueOrThrow({
      where: { id: proposalId },
      select: { readiness: true, updatedAt: true },
    }),
    db.prisma.auditLog.count({ where: { subject: proposalId } }),
  ]);
  return { drafts, revisions, proposal, audits };
}

/** A proposal as units write them: a cover, headings numbered every which way, older names, an appendix. */
async function realisticDocx(): Promise<Uint8Array> {
  return makeDocx([
    { bold: "PROPOSAL KOMPETISI INOVASI PELAYANAN PUBLIK" },
    { text: "SIPANDU – Puskesmas Sukamaju\nKabupaten Sukamaju, 2023" },
    { heading: "1. RINGKASAN" },
    ...paragraphs(SAMPLE.ringkasan!),
    { heading: "II. Latar Belakang dan Tujuan" },
    ...paragraphs(SAMPLE.latar_belakang!),
    { bold: "Kebaruan/Nilai Tambah" },
    ...paragraphs(SAMPLE.kebaruan!),
    { heading: "d. Pelaksanaan" },
    ...paragraphs(SAMPLE.implementasi!),
    { heading: "c) signifikansi" },
    ...paragraphs(SAMPLE.signifikansi!).slice(0, 2),
    { heading: "Data pendukung", level: 2 },
    ...paragraphs(SAMPLE.signifikansi!).slice(2),
    { heading: "6. Replikasi" },
    ...paragraphs(SAMPLE.adaptabilitas!),
    { heading: "SUMBER DAYA" },
    ...paragraphs(SAMPLE.sumber_daya!),
    { heading: "Bagian 8 – Strategi Keberlanjutan" },
    ...paragraphs(SAMPLE.keberlanjutan!),
    { heading: "LAMPIRAN" },
    { text: "Foto kegiatan sosialisasi di balai desa." },
  ]);
}

const expectedSignifikansi = (() => {
  const [a, b, c] = SAMPLE.signifikansi!.split("\n\n");
  return [a, b, "Data pendukung", c].join("\n\n");
})();

describe("importProposalDocument", () => {
  it("previews a DOCX without writing, then saves every section as a new 'import' revision in one go", async () => {
    const proposalId = await newProposal();
    const before = await snapshot(proposalId);
    const r = await importProposalDocument(db.prisma, {
      proposalId,
      contactId,
      template: KIPP,
      bytes: await realisticDocx(),
      fileName: "SIPANDU final revisi 3.docx",
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.preview.sections.map((s) => [s.key, s.heading])).toEqual([
      ["ringkasan", "1. RINGKASAN"],
      ["latar_belakang", "II. Latar Belakang dan Tujuan"],
      ["kebaruan", "Kebaruan/Nilai Tambah"],
      ["implementasi", "d. Pelaksanaan"],
      ["signifikansi", "c) signifikansi"],
      ["adaptabilitas", "6. Replikasi"],
      ["sumber_daya", "SUMBER DAYA"],
      ["keberlanjutan", "Bagian 8 – Strategi Keberlanjutan"],
    ]);
    const expected: Record<string, string> = { ...SAMPLE, signifikansi: expectedSignifikansi };
    expect(Object.fromEntries(r.preview.sections.map((s) => [s.key, s.text]))).toEqual(expected);
    expect(r.preview.unmatched).toEqual([
      "PROPOSAL KOMPETISI INOVASI PELAYANAN PUBLIK\n\nSIPANDU – Puskesmas Sukamaju\nKabupaten Sukamaju, 2023",
      "LAMPIRAN\n\nFoto kegiatan sosialisasi di balai desa.",
    ]);
    expect(await snapshot(proposalId)).toEqual(before); // a preview writes nothing

    const report = await r.apply();
    const check = checkProposal(KIPP, expected);
    expect(report.readiness).toBe(check.readiness);
    expect(report.check.sections.map((s) => s.mark)).toEqual(check.sections.map((s) => s.mark));
    expect(report.saved.map((s) => s.sectionKey)).toEqual(KIPP.sections.map((s) => s.key));
    expect(report.unchanged).toEqual([]);

    const drafts = await db.prisma.sectionDraft.findMany({
      where: { proposalId },
      select: {
        sectionKey: true,
        text: true,
        mark: true,
        revisions: { select: { text: true, source: true, authorId: true } },
      },
    });
    expect(drafts).toHaveLength(8);
    for (const d of drafts) {
      const section = KIPP.sections.find((s) => s.key === d.sectionKey)!;
      expect(d.text).toBe(expected[d.sectionKey]);
      expect(d.mark).toBe(checkSection(section, d.text, expected).mark);
      expect(d.revisions).toEqual([{ text: d.text, source: "import", authorId: contactId }]);
    }
    expect(
      drafts
        .filter((d) => d.mark === "complete")
        .map((d) => d.sectionKey)
        .sort(),
      // every sample section holds all its elements; their short length is only guidance
    ).toEqual([...KIPP.sections.map((s) => s.key)].sort());
    const p = await db.prisma.proposal.findUniqueOrThrow({
      where: { id: proposalId },
      select: { readiness: true },
    });
    expect(p.readiness).toBe(check.readiness);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { subject: proposalId, action: "proposal.import" },
      select: { details: true, actorId: true },
    });
    expect(audit).toMatchObject({ actorId: contactId, details: { fileName: "SIPANDU final revisi 3.docx" } });
  });

  it("imports a text PDF; keeps sections the file does not have; a second import of the same file adds nothing", async () => {
    const proposalId = await newProposal();
    // written earlier in the chat
    const draft = await db.prisma.sectionDraft.create({
      data: { proposalId, sectionKey: "sumber_daya", text: SAMPLE.sumber_daya!, mark: "complete" },
      select: { id: true },
    });
    await db.prisma.sectionRevision.create({
      data: { draftId: draft.id, text: SAMPLE.sumber_daya!, source: "chat" },
    });
    const pdf = await makeTextPdf([
      "Proposal Inovasi SIPANDU",
      "A. RINGKASAN",
      ...SAMPLE.ringkasan!.split("\n\n"),
      "B. LATAR BELAKANG DAN TUJUAN",
      ...SAMPLE.latar_belakang!.split("\n\n"),
      `Signifikansi (Dampak)\n${SAMPLE.signifikansi}`,
    ]);
    const run = () =>
      importProposalDocument(db.prisma, {
        proposalId,
        contactId,
        template: KIPP,
        bytes: pdf,
        fileName: "sipandu.pdf",
        mimeType: "application/pdf",
      });
    const r = await run();
    if (!r.ok) throw new Error(r.reason);
    expect(r.pages).toBe(1);
    expect(r.preview.sections.map((s) => s.key)).toEqual(["ringkasan", "latar_belakang", "signifikansi"]);
    expect(r.preview.sections[1]?.text).toBe(SAMPLE.latar_belakang);
    // the PDF lost the blank lines inside signifikansi (written as one block): words are all there
    expect(r.preview.sections[2]?.text.replace(/\s+/g, " ")).toBe(SAMPLE.signifikansi!.replace(/\s+/g, " "));
    expect(r.preview.unmatched).toEqual(["Proposal Inovasi SIPANDU"]);

    const report = await r.apply();
    expect(report.saved.map((s) => s.sectionKey)).toEqual(["ringkasan", "latar_belakang", "signifikansi"]);
    expect(report.check.sections.find((s) => s.sectionKey === "sumber_daya")?.mark).toBe("complete");
    const texts = Object.fromEntries(
      (
        await db.prisma.sectionDraft.findMany({
          where: { proposalId },
          select: { sectionKey: true, text: true },
        })
      ).map((d) => [d.sectionKey, d.text]),
    );
    expect(texts.sumber_daya).toBe(SAMPLE.sumber_daya);
    expect(report.readiness).toBe(checkProposal(KIPP, texts).readiness);

    const revisionsBefore = await db.prisma.sectionRevision.count({ where: { draft: { proposalId } } });
    const again = await run();
    if (!again.ok) throw new Error(again.reason);
    const second = await again.apply();
    expect(second.saved).toEqual([]);
    expect(second.unchanged).toEqual(["ringkasan", "latar_belakang", "signifikansi"]);
    expect(await db.prisma.sectionRevision.count({ where: { draft: { proposalId } } })).toBe(revisionsBefore);
  });

  it("unmatched text can be assigned to a section before saving", async () => {
    const proposalId = await newProposal();
    const txt = `${SAMPLE.kebaruan}\n\nRingkasan\n${SAMPLE.ringkasan}`;
    const r = await importProposalDocument(db.prisma, {
      proposalId,
      contactId: null,
      template: KIPP,
      bytes: new TextEncoder().encode(txt),
      fileName: "draf.txt",
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.preview.unmatched).toEqual([SAMPLE.kebaruan]);
    const chosen = assignUnmatched(r.preview, 0, "kebaruan");
    const report = await r.apply(chosen);
    expect(report.saved.map((s) => s.sectionKey)).toEqual(["ringkasan", "kebaruan"]);
    const d = await db.prisma.sectionDraft.findUniqueOrThrow({
      where: { proposalId_sectionKey: { proposalId, sectionKey: "kebaruan" } },
      select: { text: true, revisions: { select: { authorId: true, source: true } } },
    });
    expect(d).toEqual({ text: SAMPLE.kebaruan, revisions: [{ authorId: null, source: "import" }] });
  });

  it("a preview naming a section the template lacks is refused whole", async () => {
    const proposalId = await newProposal();
    const r = await importProposalDocument(db.prisma, {
      proposalId,
      contactId,
      template: KIPP,
      bytes: new TextEncoder().encode(`Ringkasan\n${SAMPLE.ringkasan}`),
      fileName: "a.txt",
    });
    if (!r.ok) throw new Error(r.reason);
    const before = await snapshot(proposalId);
    const bad = {
      sections: [...r.preview.sections, { key: "lampiran", heading: "", text: "x" }],
      unmatched: [],
    };
    await expect(r.apply(bad)).rejects.toThrow(DocumentImportError);
    expect(await snapshot(proposalId)).toEqual(before);
  });

  describe("files that cannot be used get their reason, a polite message, and change nothing", () => {
    const cases: [
      string,
      () => Promise<{ bytes: Uint8Array; fileName: string; mimeType?: string }>,
      string,
    ][] = [
      [
        "corrupt bytes named .docx",
        async () => ({ bytes: (await realisticDocx()).subarray(0, 3000), fileName: "rusak.docx" }),
        "corrupt",
      ],
      [
        "an encrypted PDF",
        async () => ({ bytes: makeEncryptedPdf("Ringkasan SIPANDU", "rahasia"), fileName: "terkunci.pdf" }),
        "encrypted",
      ],
      [
        "an oversized file",
        async () => ({ bytes: new Uint8Array(MAX_FILE_BYTES + 1), fileName: "besar.docx" }),
        "too_large",
      ],
      [
        "a PDF over 200 pages",
        async () => ({ bytes: await makeManyPagesPdf(201), fileName: "semua-lampiran.pdf" }),
        "too_many_pages",
      ],
      [
        "an image-only PDF",
        async () => ({ bytes: await makeImageOnlyPdf(4), fileName: "scan.pdf" }),
        "image_only",
      ],
      [
        "a wrong type",
        async () => ({
          bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
          fileName: "proposal.exe",
          mimeType: "application/x-msdownload",
        }),
        "unsupported_type",
      ],
      [
        "an empty text file",
        async () => ({ bytes: new TextEncoder().encode(" \n\n "), fileName: "kosong.txt" }),
        "empty",
      ],
    ];
    for (const [name, make, reason] of cases) {
      it(name, async () => {
        const proposalId = await newProposal();
        const good = await importProposalDocument(db.prisma, {
          proposalId,
          contactId,
          template: KIPP,
          bytes: new TextEncoder().encode(`Ringkasan\n${SAMPLE.ringkasan}`),
          fileName: "awal.txt",
        });
        if (good.ok) await good.apply();
        const before = await snapshot(proposalId);
        const r = await importProposalDocument(db.prisma, {
          proposalId,
          contactId,
          template: KIPP,
          ...(await make()),
        });
        expect(r).toEqual({
          ok: false,
          reason,
        });
        expect(importFailureTexts("id")[reason as keyof ReturnType<typeof importFailureTexts>]).toBeTruthy();
        expect(await snapshot(proposalId)).toEqual(before);
      });
    }

    it("an unknown proposal", async () => {
      const r = await importProposalDocument(db.prisma, {
        proposalId: "nope",
        contactId,
        template: KIPP,
        bytes: new TextEncoder().encode("Ringkasan\nx"),
        fileName: "a.txt",
      });
      expect(r.ok || r.reason).toBe("proposal_not_found");
    });
  });
});
