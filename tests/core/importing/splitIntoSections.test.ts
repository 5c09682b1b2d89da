import { describe, expect, it } from "vitest";
import { assignUnmatched } from "../../../src/core/importing/assignUnmatched.ts";
import { stripNumbering } from "../../../src/core/importing/headingIndex.ts";
import { splitIntoSections } from "../../../src/core/importing/splitIntoSections.ts";
import { KIPP, SAMPLE } from "../../docs/sampleProposal.ts";

const KEYS = KIPP.sections.map((s) => s.key);

/** A document with the given heading line above each KIPP section's sample text. */
function doc(headings: string[], opts: { before?: string; after?: string } = {}): string {
  const body = KEYS.map((k, i) => `${headings[i]}\n${SAMPLE[k]}`).join("\n\n");
  return [opts.before, body, opts.after].filter(Boolean).join("\n\n");
}

describe("splitIntoSections", () => {
  it("matches headings however numbered and cased, under current and older names", () => {
    const text = doc(
      [
        "1. RINGKASAN",
        "II. Latar Belakang dan Tujuan",
        "Kebaruan/Nilai Tambah",
        "Bagian 4 – Pelaksanaan Inovasi",
        "c) signifikansi",
        "(6) Replikasi",
        "VII) SUMBER DAYA:",
        "BAB 8. Strategi Keberlanjutan",
      ],
      {
        before: "PROPOSAL KOMPETISI INOVASI PELAYANAN PUBLIK\nSIPANDU\nPuskesmas Sukamaju",
        after: "LAMPIRAN\nFoto kegiatan dan SK tim inovasi.",
      },
    );
    const r = splitIntoSections(KIPP, text);
    expect(r.sections.map((s) => s.key)).toEqual(KEYS);
    for (const s of r.sections) expect(s.text).toBe(SAMPLE[s.key]);
    expect(r.sections.map((s) => s.heading)).toEqual([
      "1. RINGKASAN",
      "II. Latar Belakang dan Tujuan",
      "Kebaruan/Nilai Tambah",
      "Bagian 4 – Pelaksanaan Inovasi",
      "c) signifikansi",
      "(6) Replikasi",
      "VII) SUMBER DAYA",
      "BAB 8. Strategi Keberlanjutan",
    ]);
    expect(r.unmatched).toEqual([
      "PROPOSAL KOMPETISI INOVASI PELAYANAN PUBLIK\nSIPANDU\nPuskesmas Sukamaju",
      "LAMPIRAN\nFoto kegiatan dan SK tim inovasi.",
    ]);
  });

  it("ignores diacritics and punctuation, and knows the English titles and the 2022 names", () => {
    const r = splitIntoSections(
      KIPP,
      doc([
        "Summary",
        "Background and Objectives",
        "KEBARUAN — NILAI TAMBAH",
        "Implementation",
        "Signifikansi (Dampak)",
        "Adaptabilitás",
        "**Resources**",
        "Keberlanjutan Inovasi",
      ]),
    );
    expect(r.sections.map((s) => s.key)).toEqual(KEYS);
    expect(r.unmatched).toEqual([]);
  });

  it("reads the plain-text export's separators", () => {
    const text = KIPP.sections
      .map((s) => `=== ${s.title.id} (maks. ${s.maxWords} kata) ===\n${SAMPLE[s.key]}`)
      .join("\n\n");
    const r = splitIntoSections(KIPP, text);
    expect(Object.fromEntries(r.sections.map((s) => [s.key, s.text]))).toEqual(SAMPLE);
  });

  it("takes a heading and text on one line ('Ringkasan: …') for titles, never for an alias inside text", () => {
    const r = splitIntoSections(
      KIPP,
      "Ringkasan: Inovasi SIPANDU memangkas antrean.\nMasalah: nomor antrean hanya dibagikan di loket.\n\nSignifikansi: waktu tunggu turun dari 180 menjadi 35 menit.",
    );
    expect(r.sections).toEqual([
      {
        key: "ringkasan",
        heading: "Ringkasan",
        text: "Inovasi SIPANDU memangkas antrean.\nMasalah: nomor antrean hanya dibagikan di loket.",
      },
      { key: "signifikansi", heading: "Signifikansi", text: "waktu tunggu turun dari 180 menjadi 35 menit." },
    ]);
  });

  it("a section name inside a sentence is not a heading", () => {
    const r = splitIntoSections(
      KIPP,
      "# Ringkasan\nSignifikansi inovasi ini terlihat dari waktu tunggu yang turun.\nKebaruan",
    );
    // the lone "Kebaruan" line is a heading, but with nothing under it there is no section
    expect(r.sections.map((s) => [s.key, s.text])).toEqual([
      ["ringkasan", "Signifikansi inovasi ini terlihat dari waktu tunggu yang turun."],
    ]);
  });

  it("Word heading levels: deeper unknown headings stay inside, same-level ones end the section", () => {
    const text = [
      "# Proposal SIPANDU",
      "Disusun oleh Puskesmas Sukamaju",
      "# 1. Ringkasan",
      SAMPLE.ringkasan,
      "## Data pendukung",
      "SKM naik dari 71,3 menjadi 88,6.",
      "# Lampiran",
      "Foto kegiatan.",
    ].join("\n\n");
    const r = splitIntoSections(KIPP, text);
    expect(r.sections).toEqual([
      {
        key: "ringkasan",
        heading: "1. Ringkasan",
        text: `${SAMPLE.ringkasan}\n\nData pendukung\n\nSKM naik dari 71,3 menjadi 88,6.`,
      },
    ]);
    expect(r.unmatched).toEqual([
      "Proposal SIPANDU\n\nDisusun oleh Puskesmas Sukamaju",
      "Lampiran\n\nFoto kegiatan.",
    ]);
  });

  it("skips a table of contents and joins a section named by two headings", () => {
    const text = [
      "DAFTAR ISI",
      "1. Ringkasan",
      "2. Latar Belakang dan Tujuan",
      "3. Kebaruan / Nilai Tambah",
      "",
      "1. RINGKASAN",
      SAMPLE.ringkasan,
      "",
      "2. LATAR BELAKANG",
      "Antrean rata-rata 3 jam.",
      "",
      "3. TUJUAN",
      "Waktu tunggu di bawah 45 menit.",
    ].join("\n");
    const r = splitIntoSections(KIPP, text);
    expect(r.sections).toEqual([
      { key: "ringkasan", heading: "1. RINGKASAN", text: SAMPLE.ringkasan },
      {
        key: "latar_belakang",
        heading: "2. LATAR BELAKANG + 3. TUJUAN",
        text: "Antrean rata-rata 3 jam.\n\nWaktu tunggu di bawah 45 menit.",
      },
    ]);
    expect(r.unmatched).toEqual(["DAFTAR ISI"]);
  });

  it("a document without any known heading is one unmatched chunk", () => {
    const r = splitIntoSections(KIPP, `  ${SAMPLE.kebaruan}  \n\n\n\n`);
    expect(r).toEqual({ sections: [], unmatched: [SAMPLE.kebaruan] });
  });

  it("strips numbering styles", () => {
    for (const [input, out] of [
      ["1. Ringkasan", "Ringkasan"],
      ["2) Ringkasan", "Ringkasan"],
      ["(iv) Ringkasan", "Ringkasan"],
      ["IV. Ringkasan", "Ringkasan"],
      ["A. Ringkasan", "Ringkasan"],
      ["1.2 Ringkasan", "Ringkasan"],
      ["Bagian 2 – Ringkasan", "Ringkasan"],
      ["BAB II: Ringkasan", "Ringkasan"],
      ["Implementasi", "Implementasi"],
    ])
      expect(stripNumbering(input!)).toBe(out);
  });
});

describe("assignUnmatched", () => {
  const preview = {
    sections: [{ key: "ringkasan", heading: "Ringkasan", text: "A." }],
    unmatched: ["Judul", "Teks tanpa judul."],
  };

  it("appends a chunk to a section found, or adds the section, without changing the input", () => {
    expect(assignUnmatched(preview, 1, "ringkasan")).toEqual({
      sections: [{ key: "ringkasan", heading: "Ringkasan", text: "A.\n\nTeks tanpa judul." }],
      unmatched: ["Judul"],
    });
    expect(assignUnmatched(preview, 1, "kebaruan")).toEqual({
      sections: [preview.sections[0], { key: "kebaruan", heading: "", text: "Teks tanpa judul." }],
      unmatched: ["Judul"],
    });
    expect(preview.unmatched).toHaveLength(2);
    expect(() => assignUnmatched(preview, 2, "kebaruan")).toThrow(RangeError);
  });
});
