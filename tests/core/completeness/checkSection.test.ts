import { describe, expect, it } from "vitest";
import { checkSection } from "../../../src/core/completeness/checkSection.ts";
import { draft, KIPP, kippSection, proposal } from "./kippFixtures.ts";

/** What a careful coach would flag in each weak draft, by element key. */
const expectedMissing: Record<string, string[]> = {
  ringkasan: ["mulai_berjalan", "hasil_sebelum_sesudah"],
  latar_belakang: ["data_masalah", "urgensi"],
  kebaruan: ["cara_lama", "pembeda", "nilai_tambah_angka"],
  implementasi: ["jadwal", "pelaku"],
  signifikansi: ["sebelum_sesudah", "ukuran_dampak", "evaluasi_eksternal"],
  adaptabilitas: ["bukti_replikasi", "skala_replikasi"],
  sumber_daya: ["anggaran", "angka_sumber_daya"],
  keberlanjutan: ["dasar_hukum", "sop", "anggaran_rutin"],
};

describe("checkSection on the KIPP 2023 fixtures", () => {
  const good = proposal("good");

  it("has a good and a bad fixture expectation for every section of the template", () => {
    expect(Object.keys(expectedMissing)).toEqual(KIPP.sections.map((s) => s.key));
  });

  it.each(KIPP.sections.map((s) => s.key))("marks the good %s draft complete", (key) => {
    const check = checkSection(kippSection(key), draft(key, "good"), good);
    expect(check.elements.filter((e) => !e.present).map((e) => e.key)).toEqual([]);
    expect(check.throwaway).toBeUndefined();
    expect(check.wordStatus).toBe("ok");
    expect(check.mark).toBe("complete");
    expect(check.fulfilment).toBe(1);
  });

  it.each(KIPP.sections.map((s) => s.key))("names what the weak %s draft is missing", (key) => {
    const check = checkSection(kippSection(key), draft(key, "bad"), proposal("bad"));
    expect(check.throwaway).toBeUndefined();
    expect(check.elements.filter((e) => !e.present).map((e) => e.key)).toEqual(expectedMissing[key]);
    expect(check.mark).toBe("incomplete");
    expect(check.fulfilment).toBeLessThan(1);
  });

  it("quotes the evidence it found, so the user sees why an element counts", () => {
    const sig = checkSection(kippSection("signifikansi"), draft("signifikansi", "good"), good);
    const byKey = Object.fromEntries(sig.elements.map((e) => [e.key, e]));
    expect(byKey.sebelum_sesudah?.evidence).toBe("dari 61% pada akhir 2020 menjadi 93%");
    expect(byKey.evaluasi_eksternal?.evidence).toMatch(/Inspektorat Kabupaten Banyumas melakukan evaluasi/);
    const keb = checkSection(kippSection("keberlanjutan"), draft("keberlanjutan", "good"), good);
    expect(keb.elements.find((e) => e.key === "dasar_hukum")?.evidence).toBe(
      "Peraturan Bupati Banyumas Nomor 45 Tahun 2022",
    );
  });

  it("gives every missing element a tip in Indonesian and English", () => {
    const check = checkSection(kippSection("signifikansi"), draft("signifikansi", "bad"));
    const missing = check.elements.filter((e) => !e.present);
    expect(missing.length).toBeGreaterThan(0);
    for (const e of missing) {
      expect(e.tip.id.length).toBeGreaterThan(20);
      expect(e.tip.en.length).toBeGreaterThan(20);
      expect(e.label.id).not.toBe("");
    }
    expect(missing.find((e) => e.key === "sebelum_sesudah")?.tip.id).toContain("30%");
  });
});

describe("checkSection word limits and marks", () => {
  const ringkasan = kippSection("ringkasan");

  it("marks an empty or blank section empty with nothing fulfilled", () => {
    for (const text of ["", "  \n "]) {
      const check = checkSection(ringkasan, text);
      expect(check).toMatchObject({ mark: "empty", wordStatus: "empty", words: 0, fulfilment: 0 });
      expect(check.throwaway).toBeUndefined();
      expect(check.elements.every((e) => !e.present)).toBe(true);
    }
  });

  it("marks a summary over its official 200 words incomplete even when every element is there", () => {
    const long = `${draft("ringkasan", "good")}\n${"Layanan ini terus kami perbaiki bersama warga. ".repeat(15)}`;
    const check = checkSection(ringkasan, long);
    expect(check.words).toBeGreaterThan(200);
    expect(check).toMatchObject({ official: { max: 200 }, mark: "incomplete" });
    expect(check.elements.every((e) => e.present)).toBe(true);
    // three elements, the official limit and the language: the limit is the one missed
    expect(check.fulfilment).toBe(4 / 5);
    expect(check.warnings.find((w) => w.kind === "official_limit")?.text.id).toContain(
      "batas resmi bagian ini 200 kata",
    );
  });

  it("keeps a concise section under the guidance minimum complete, showing the range as panduan", () => {
    const sig = kippSection("signifikansi");
    const text =
      "Cakupan KTP-el lansia naik dari 61% menjadi 93%, 16.420 warga dilayani di rumah dan waktu layanan turun menjadi 20 menit, tanpa biaya. Inspektorat melakukan evaluasi pada 2022, dan rapat evaluasi internal digelar setiap bulan.";
    const check = checkSection(sig, text);
    expect(check.wordStatus).toBe("short");
    expect(check.elements.every((e) => e.present)).toBe(true);
    expect(check.mark).toBe("complete");
    expect(check.fulfilment).toBe(1);
    const guidance = check.warnings.find((w) => w.kind === "length_guidance");
    expect(guidance?.text.id).toMatch(/panduan pendampingan 200–1000 kata \(bukan batas resmi/);
  });
});
