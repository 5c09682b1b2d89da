import { describe, expect, it } from "vitest";
import {
  detectReplication,
  detectReplicationScale,
} from "../../../src/core/completeness/detectReplication.ts";

describe("detectReplication: named adopters who implemented it", () => {
  it.each([
    "Inovasi ini telah dicontoh oleh 4 puskesmas di Kabupaten Agam.",
    "Puskesmas Lubuk Buaya telah menerapkan inovasi serupa sejak 2022.",
    "Layanan ini direplikasikan oleh Kecamatan Kembaran pada 2023.",
    "Pemkab Purbalingga mengadopsi model ini pada 2022.",
    "Sejak 2023 Dinas Kesehatan Kota Padang juga menjalankan inovasi yang sama.",
  ])("counts %j", (text) => {
    expect(detectReplication(text)).toEqual({ present: true, evidence: text });
  });

  it.each([
    ["a study visit", "Beberapa daerah telah melakukan studi banding ke unit kami.", "study_visit"],
    ["interest", "Kabupaten Agam tertarik meniru inovasi ini.", "study_visit"],
    ["a claim", "Inovasi ini dapat direplikasi oleh daerah lain.", "plan"],
    ["a plan", "Replikasi ke Kabupaten Agam akan dimulai tahun depan.", "plan"],
    ["no adopter", "Inovasi ini sudah direplikasi.", "no_adopter"],
  ])("does not count %s", (_why, text, reason) => {
    expect(detectReplication(text)).toMatchObject({ present: false, rejected: { reason } });
  });
});

describe("detectReplicationScale: how many adopters, not any number", () => {
  it.each([
    ["Inovasi ini telah dicontoh oleh 4 puskesmas di Kabupaten Agam.", "4 puskesmas"],
    ["Hingga 2024 inovasi telah direplikasi oleh tiga kabupaten di Jawa Tengah.", "tiga kabupaten"],
    [
      "Inovasi ini telah direplikasi oleh Kabupaten Cilacap dan Kabupaten Purbalingga.",
      "Kabupaten Cilacap, Kabupaten Purbalingga",
    ],
    [
      "Inovasi ini telah direplikasi oleh Puskesmas Andalas; kami menyiapkan 3 modul pelatihan.",
      "Puskesmas Andalas",
    ],
  ])("counts the adopters in %j", (text, evidence) => {
    expect(detectReplicationScale(text)).toEqual({ present: true, evidence });
  });

  it.each([
    "Kami didampingi 2 orang pendamping. Inovasi dapat direplikasi.",
    "Sebanyak 12 desa melakukan studi banding ke kantor kami.",
    "Inovasi ini dapat direplikasi; kami menyiapkan 3 modul pelatihan.",
  ])("does not take other numbers for the scale: %j", (text) => {
    expect(detectReplicationScale(text).present).toBe(false);
  });
});
