import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { checkProposal } from "../../src/core/completeness/checkProposal.ts";
import { splitIntoSections } from "../../src/core/importing/splitIntoSections.ts";
import { type ExportInput, exportProposalDocx, exportProposalText } from "../../src/docs/exportProposal.ts";
import { extractText } from "../../src/docs/extractText.ts";
import { KIPP, SAMPLE } from "./sampleProposal.ts";

const proposal = {
  code: "KP-7Q2M",
  title: "SIPANDU: Sistem Antrean Pintar dan Rujukan Terpadu",
  unitName: "Puskesmas Sukamaju, Pemerintah Kabupaten Sukamaju",
  competitionName: "KIPP 2023 Kelompok Umum",
};
const input: ExportInput = { template: KIPP, proposal, texts: SAMPLE, locale: "id" };

async function allText(docx: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value;
}

async function reimport(bytes: Uint8Array, name: string) {
  const r = await extractText(bytes, name);
  if (!r.ok) throw new Error(`could not read back: ${r.reason}`);
  return splitIntoSections(KIPP, r.text);
}

describe("exportProposalDocx", () => {
  it("round trip: export → import gives back exactly the section texts, and nothing unmatched", async () => {
    const texts = { ...SAMPLE, adaptabilitas: "" }; // an unwritten section stays unwritten
    const back = await reimport(await exportProposalDocx({ ...input, texts }), "KP-7Q2M.docx");
    expect(back.unmatched).toEqual([]);
    expect(Object.fromEntries(back.sections.map((s) => [s.key, s.text]))).toEqual(
      Object.fromEntries(Object.entries(texts).filter(([, t]) => t)),
    );
    expect(back.sections[0]?.heading).toBe("1. Ringkasan");
  });

  it("shows the title page, headings in order, word counts against limits, the completeness grid and AI log", async () => {
    const aiLog = [
      {
        sectionKey: "signifikansi",
        suggestion: "Tambahkan data sebelum dan sesudah.\n\nSebutkan evaluasi eksternal.",
        createdAt: new Date("2026-11-20T03:15:00Z"),
      },
      { suggestion: "Ringkas judul.", createdAt: new Date("2026-11-19T02:00:00Z") },
    ];
    const text = await allText(await exportProposalDocx({ ...input, aiLog }));
    const check = checkProposal(KIPP, SAMPLE);
    for (const line of [
      proposal.competitionName,
      proposal.title,
      `Unit pelayanan: ${proposal.unitName}`,
      "Kode proposal: KP-7Q2M",
    ])
      expect(text).toContain(line);
    const headings = KIPP.sections.map((s, i) => `${i + 1}. ${s.title.id}`);
    const positions = headings.map((h) => text.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain("1. Ringkasan\n\nJumlah kata: 68 (panduan 60–200) · ✅ sesuai panduan");
    // a word range is guidance, shown as such: it does not warn
    expect(text).toContain("Jumlah kata: 52 (panduan 120–700) · ℹ️ di bawah panduan");
    expect(text).toContain(`Kelengkapan proposal (pemeriksaan aturan): ${check.readiness}%`);
    expect(text).toContain("Lampiran A. Kelengkapan proposal");
    // 84 words with every element: complete, the 200–1000 range is only guidance
    expect(text).toContain("Signifikansi\n\n30%\n\n84/1000\n\n✅ lengkap");
    expect(text).toContain("Sumber Daya\n\n5%\n\n82/500\n\n✅ lengkap");
    expect(text).toContain("Lampiran B. Catatan penggunaan AI");
    // oldest first, with the section it was about, times in WIB
    expect(text).toMatch(
      /19 Nov 2026,? 09[.:]00 · Umum\n\nRingkas judul\.\n\n20 Nov 2026,? 10[.:]15 · Signifikansi\n\nTambahkan data/,
    );
    expect(text).not.toContain("Tidak ada.");
  });

  it("says 'tidak ada' without AI use, speaks English when asked, and survives markup characters", async () => {
    const texts = { ...SAMPLE, ringkasan: 'Biaya <Rp 5.000> & "gratis" untuk lansia.\u000bBaris baru.' };
    const id = await allText(await exportProposalDocx({ ...input, texts }));
    expect(id).toContain("Lampiran B. Catatan penggunaan AI\n\nTidak ada.");
    expect(id).toContain('Biaya <Rp 5.000> & "gratis" untuk lansia.Baris baru.');
    const en = await allText(await exportProposalDocx({ ...input, locale: "en" }));
    expect(en).toContain("1. Summary\n\nWord count: 68 (guidance 60–200) · ✅ within the guidance");
    expect(en).toContain("Appendix B. Log of AI use\n\nNone.");
  });
});

describe("exportProposalText", () => {
  it("gives SINOVIK-ready blocks with '=== Title (limits) ===' separators", () => {
    const txt = exportProposalText({ ...input, texts: { ...SAMPLE, kebaruan: "  " } });
    expect(txt.startsWith(`${proposal.title}\nUnit pelayanan: ${proposal.unitName}\n`)).toBe(true);
    expect(txt).toContain(
      `=== Ringkasan (60–200 kata) ===\n${SAMPLE.ringkasan}\n\n=== Latar Belakang dan Tujuan (150–700 kata) ===\n`,
    );
    expect(txt).toContain("=== Kebaruan / Nilai Tambah (120–600 kata) ===\n\n=== Implementasi Inovasi");
    expect(txt.endsWith(`${SAMPLE.keberlanjutan}\n`)).toBe(true);
    const noMin = { ...KIPP, sections: KIPP.sections.map((s) => ({ ...s, minWords: 0 })) };
    expect(exportProposalText({ ...input, template: noMin })).toContain("=== Ringkasan (maks. 200 kata) ===");
    expect(exportProposalText({ ...input, template: noMin, locale: "en" })).toContain(
      "=== Summary (max. 200 words) ===",
    );
  });

  it("round trip: the text export imports back to the same sections (the header is reported as unmatched)", async () => {
    const back = await reimport(new TextEncoder().encode(exportProposalText(input)), "KP-7Q2M.txt");
    expect(Object.fromEntries(back.sections.map((s) => [s.key, s.text]))).toEqual(SAMPLE);
    expect(back.unmatched).toEqual([
      `${proposal.title}\nUnit pelayanan: ${proposal.unitName}\nKompetisi: ${proposal.competitionName}\nKode proposal: KP-7Q2M`,
    ]);
  });
});
