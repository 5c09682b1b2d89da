import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../src/core/i18n/locale.ts";
import { importFailureTexts, renderImportSummary } from "../../../src/core/importing/importTexts.ts";
import { splitIntoSections } from "../../../src/core/importing/splitIntoSections.ts";
import { plainText } from "../../../src/core/messages.ts";
import { KIPP, SAMPLE } from "../../docs/sampleProposal.ts";

const text = [
  "PROPOSAL SIPANDU",
  "1. RINGKASAN",
  SAMPLE.ringkasan,
  "c) signifikansi",
  SAMPLE.signifikansi,
  "LAMPIRAN",
  "Foto kegiatan dan daftar hadir sosialisasi di 9 desa.",
].join("\n\n");

describe("renderImportSummary", () => {
  it("lists each section with its matched heading and words vs limits, what is missing, and numbered unmatched text", () => {
    const out = plainText(
      renderImportSummary(KIPP, splitIntoSections(KIPP, text), "id", { fileName: "sipandu.docx" }),
    );
    expect(out).toBe(
      [
        "Hasil membaca sipandu.docx:",
        "Bagian yang ditemukan:",
        '✅ 1. Ringkasan ← "1. RINGKASAN" · 68 kata (panduan 60–200)',
        '✅ 5. Signifikansi ← "c) signifikansi" · 84 kata (panduan 200–1000)',
        "⬜ Belum ada di dokumen: Latar Belakang dan Tujuan, Kebaruan / Nilai Tambah, Implementasi Inovasi, Adaptabilitas, Sumber Daya, Strategi Keberlanjutan",
        "",
        "Teks yang belum masuk bagian mana pun:",
        '[1] "PROPOSAL SIPANDU" (2 kata)',
        '[2] "LAMPIRAN Foto kegiatan dan daftar hadir sosialisasi di 9 desa." (10 kata)',
        "Teks ini tidak disimpan kecuali Bapak/Ibu memilih bagiannya.",
        "",
        "Simpan ke proposal? Teks lama tetap ada di /riwayat.",
      ].join("\n"),
    );
  });

  it("speaks English, shortens long chunks, and flags a section over its limit", () => {
    const long = Array.from({ length: 30 }, () => "Waktu tunggu turun dari 180 menit menjadi 35 menit.").join(
      " ",
    );
    const preview = { sections: [{ key: "ringkasan", heading: "Summary", text: long }], unmatched: [long] };
    const out = plainText(renderImportSummary(KIPP, preview, "en", { confirm: false }));
    expect(out).toContain('✅ 1. Summary ← "Summary" · 270 words (guidance 60–200) ⚠️');
    expect(out).toContain(
      '[1] "Waktu tunggu turun dari 180 menit menjadi 35 menit. Waktu tunggu turun dari 180…" (270 words)',
    );
    expect(out).not.toContain("Save to the proposal?");
  });

  it("says so when no heading was recognised", () => {
    const out = plainText(renderImportSummary(KIPP, { sections: [], unmatched: ["Teks."] }, "id"));
    expect(out).toContain("Tidak ada judul bagian yang dikenali");
    expect(out).not.toContain("Simpan ke proposal?");
  });
});

describe("importFailureTexts", () => {
  it("has a polite Indonesian and English message for every reason, saying what to do", () => {
    for (const reason of Object.keys(importFailureTexts("id")) as (keyof ReturnType<
      typeof importFailureTexts
    >)[]) {
      for (const l of LOCALES)
        expect(importFailureTexts(l)[reason].length, `${reason}.${l}`).toBeGreaterThan(30);
      expect(importFailureTexts("id")[reason]).not.toBe(importFailureTexts("en")[reason]);
    }
    expect(importFailureTexts("id").image_only).toMatch(/versi teks: DOCX/);
    expect(importFailureTexts("id").encrypted).toMatch(/buka kuncinya dulu/);
    expect(importFailureTexts("id").too_large).toContain("10 MB");
    expect(importFailureTexts("en").too_many_pages).toContain("200 pages");
  });
});
