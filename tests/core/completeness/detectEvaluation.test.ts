import { describe, expect, it } from "vitest";
import { detectEvaluation } from "../../../src/core/completeness/detectEvaluation.ts";

describe("detectEvaluation: internal and external told apart by who evaluated", () => {
  it.each([
    "Tim inovasi melakukan evaluasi bulanan terhadap waktu layanan.",
    "Setiap triwulan Kepala Puskesmas memimpin rapat monev capaian.",
    "Kami melaksanakan SKM setiap semester dengan nilai 88,5.",
    "Survei kepuasan yang kami lakukan sendiri pada 2023 mencatat IKM 86.",
  ])("internal: %j", (text) => {
    expect(detectEvaluation(text, false).present).toBe(true);
    expect(detectEvaluation(text, true)).toMatchObject({
      present: false,
      rejected: { reason: "internal_only" },
    });
  });

  it.each([
    "Inovasi telah diaudit oleh Inspektorat Kabupaten pada 2023.",
    "Pada 2023, Inspektorat melakukan audit kinerja atas inovasi ini.",
    "BPK memeriksa penggunaan anggaran layanan pada 2022 tanpa temuan.",
    "Ombudsman RI menilai layanan ini masuk zona hijau.",
    "SKM oleh Universitas Andalas pada 2023 menghasilkan nilai 87,2.",
  ])("external: %j", (text) => {
    expect(detectEvaluation(text, true).present).toBe(true);
    expect(detectEvaluation(text, false)).toMatchObject({
      present: false,
      rejected: { reason: "external_only" },
    });
  });

  it("finds both in one sentence joined by a conjunction", () => {
    const text =
      "Evaluasi internal dilakukan tim setiap bulan, sedangkan evaluasi eksternal dilakukan Inspektorat pada 2022.";
    expect(detectEvaluation(text, false).present).toBe(true);
    expect(detectEvaluation(text, true).present).toBe(true);
  });

  it.each([
    ["a plan", "Inovasi ini akan dievaluasi oleh Inspektorat tahun depan.", "plan"],
    ["a denial", "Inovasi ini belum pernah dievaluasi.", "negation"],
  ])("%s is no evaluation", (_why, text, reason) => {
    expect(detectEvaluation(text, true)).toMatchObject({ present: false, rejected: { reason } });
    expect(detectEvaluation(text, false).present).toBe(false);
  });
});
