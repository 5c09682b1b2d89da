import { describe, expect, it } from "vitest";
import { detectBudget } from "../../../src/core/completeness/detectBudget.ts";
import { detectLegalBasis } from "../../../src/core/completeness/detectLegalBasis.ts";

describe("regional legal and budget terms, and common misspellings", () => {
  it.each([
    ["Qanun Aceh Nomor 3 Tahun 2021 menjadi dasarnya.", "Qanun Aceh Nomor 3 Tahun 2021"],
    [
      "Ditetapkan dengan Pergub Sumatera Barat Nomor 7 Tahun 2022.",
      "Pergub Sumatera Barat Nomor 7 Tahun 2022",
    ],
    ["Dasar hukumnya Perbub Nomor 5 Tahun 2022.", "Perbub Nomor 5 Tahun 2022"],
    ["Dasar hukumnya Perwako Padang Nomor 12 Tahun 2020.", "Perwako Padang Nomor 12 Tahun 2020"],
    ["Layanan diatur dalam Perdes Sukamaju Nomor 2 Tahun 2023.", "Perdes Sukamaju Nomor 2 Tahun 2023"],
  ])("takes %j as a legal basis", (text, evidence) => {
    expect(detectLegalBasis(text)).toEqual({ present: true, evidence });
  });

  it.each([
    "Biaya dibiayai APBK Aceh Besar sejak 2022.",
    "Dana berasal dari APBG Gampong Lamteh.",
    "Operasional dibiayai dana desa setiap tahun.",
    "Anggaran rutin dari ABPD Kabupaten.",
    "Kegiatan didanai dana gampong.",
  ])("takes %j as a budget source", (text) => {
    expect(detectBudget(text).present).toBe(true);
  });
});
