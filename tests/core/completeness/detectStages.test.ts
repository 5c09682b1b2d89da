import { describe, expect, it } from "vitest";
import { detectStages } from "../../../src/core/completeness/detectStages.ts";

describe("detectStages: stages however the unit writes them", () => {
  it.each([
    ["labelled stages", "Tahap I: persiapan. Tahap II: uji coba di dua desa. Tahap III: perluasan."],
    ["stages numbered in words", "Pada tahap pertama tim dibentuk; pada tahap kedua layanan diuji coba."],
    ["ordinals", "Pertama, kami mendata sasaran. Kedua, petugas dilatih. Ketiga, layanan dibuka."],
    ["an arrow chain", "rakor → bimtek → go-live → monev"],
    ["a dated list", "- Jan 2021: rapat tim\n- Mar 2021: peluncuran"],
    ["a numbered list", "1. Pendataan sasaran\n2. Pelatihan kader\n3. Layanan keliling"],
    [
      "a dated story",
      "Pada Januari 2021 tim dibentuk. Pada Maret 2021 aplikasi diuji. Pada 2022 layanan diperluas.",
    ],
    [
      "stock step names",
      "Kegiatan meliputi sosialisasi kepada kader, uji coba di Desa Kalisari, lalu evaluasi bersama camat.",
    ],
  ])("finds %s", (_what, text) => {
    expect(detectStages(text).present).toBe(true);
  });

  it.each([
    ["one stage word", "Inovasi ini dilaksanakan dalam satu tahap oleh petugas kami."],
    ["a single dated event", "Inovasi diluncurkan pada Maret 2021 oleh Bupati."],
    ["prose without steps", "Petugas melayani warga dengan ramah dan cepat setiap hari kerja."],
  ])("finds no stages in %s", (_what, text) => {
    expect(detectStages(text).present).toBe(false);
  });
});
