import { describe, expect, it } from "vitest";
import { findBeforeAfter } from "../../../src/core/completeness/findBeforeAfter.ts";

describe("findBeforeAfter: the usual ways of writing before and after", () => {
  it.each([
    ["tadinya … sekarang", "Waktu layanan yang tadinya 3 hari sekarang 1 jam.", "3 hari sekarang 1 jam"],
    ["dulu … kini", "Dulu warga menunggu 14 hari, kini cukup 2 hari.", "14 hari, kini cukup 2 hari"],
    ["a measured change", "Angka keluhan turun 70% sejak aplikasi berjalan.", "turun 70%"],
    [
      "a text table",
      "Indikator | Sebelum | Sesudah\nWaktu tunggu | 120 menit | 15 menit",
      "Waktu tunggu | 120 menit | 15 menit",
    ],
    ["a year series", "Cakupan imunisasi 2020: 62% | 2023: 94%", "62% (2020) → 94% (2023)"],
    ["dr … jd", "Waktu proses dr 5 hari jd 1 hari.", "dr 5 hari jd 1 hari"],
    [
      "sblm/ssdh",
      "sblm inovasi antrean 80 org per hari, ssdh inovasi 20 org per hari",
      "80 org per hari … 20 org per hari",
    ],
  ])("finds %s", (_form, text, evidence) => {
    expect(findBeforeAfter(text)?.text).toBe(evidence);
  });

  it.each([
    ["words only", "Sebelumnya pelayanan lambat, sekarang cepat."],
    ["one measure", "Kami melayani 300 warga per hari dengan 5 petugas."],
  ])("finds none in %s", (_why, text) => {
    expect(findBeforeAfter(text)).toBeUndefined();
  });
});
