import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkProposal } from "../../../src/core/completeness/checkProposal.ts";
import { checkConsistency } from "../../../src/core/consistency/checkConsistency.ts";
import { startYearIn } from "../../../src/core/consistency/startYearRule.ts";
import { renderProposalCheck } from "../../../src/core/dialogue/renderCheck.ts";
import { dialogueTexts } from "../../../src/core/i18n/dialogueTexts.ts";
import { plainText } from "../../../src/core/messages.ts";
import { KIPP } from "./kippFixtures.ts";

const concise = Object.fromEntries(
  KIPP.sections.map((s) => [
    s.key,
    readFileSync(`tests/fixtures/kipp-2023-umum/concise/${s.key}.txt`, "utf8"),
  ]),
);
const kinds = (texts: Record<string, string>, startYear?: number) =>
  checkConsistency(KIPP, texts, { startYear }).map((f) => [f.sectionKey, f.warning.kind]);

describe("consistency across sections", () => {
  it("finds nothing to say about a coherent draft", () => {
    expect(kinds(concise, 2021)).toEqual([]);
  });

  it("asks for the problem's figure as the before in Signifikansi", () => {
    const texts = {
      ...concise,
      signifikansi:
        "Waktu yang dibutuhkan warga turun dari sekitar 6 jam menjadi 20 menit. Tim inovasi mengevaluasi capaian setiap bulan; Inspektorat melakukan evaluasi pada Juni 2022.",
    };
    expect(kinds(texts, 2021)).toContainEqual(["signifikansi", "consistency_problem_figure"]);
    const f = checkConsistency(KIPP, texts).find((x) => x.warning.kind === "consistency_problem_figure");
    expect(f?.warning.text.id).toContain("Angka masalah di Latar Belakang (48.300 lansia, 61%)");
  });

  it("asks that the goal set in Latar Belakang be measured in Signifikansi", () => {
    const texts = {
      ...concise,
      latar_belakang: `${concise.latar_belakang}\nTujuan lainnya: menurunkan angka putus sekolah anak disabilitas.`,
      signifikansi: concise.signifikansi!.replace(/Cakupan perekaman[^.]*\./u, ""),
    };
    const found = checkConsistency(KIPP, texts).filter((x) => x.warning.kind === "consistency_goal_measured");
    expect(found).toHaveLength(1);
    expect(found[0]?.warning.text.id).toContain("Tujuan inovasi ini adalah menaikkan cakupan perekaman");
  });

  it("compares the start year of the registration, Ringkasan and Implementasi", () => {
    expect(startYearIn("Sejak Maret 2021, Dinas menjalankan SI JEMPOL.")).toBe(2021);
    expect(startYearIn("Inovasi dimulai pada tahun 2019 dengan uji coba.")).toBe(2019);
    const f = checkConsistency(KIPP, concise, { startYear: 2020 });
    expect(f.map((x) => [x.sectionKey, x.warning.kind])).toEqual([["ringkasan", "consistency_start_year"]]);
    expect(f[0]?.warning.text.id).toContain("pendaftaran 2020, Ringkasan 2021");
  });

  it("asks for every figure of the Ringkasan in the body", () => {
    const texts = { ...concise, ringkasan: `${concise.ringkasan} Kepuasan warga mencapai 97%.` };
    const f = checkConsistency(KIPP, texts, { startYear: 2021 });
    expect(f.map((x) => x.warning.kind)).toEqual(["consistency_summary_figure"]);
    expect(f[0]?.warning.text.id).toContain(": 97%");
  });

  it("flags a paragraph pasted into a later section, in the later one only", () => {
    const para =
      "Tim inovasi yang terdiri dari 6 petugas Dinas menjalankan layanan dua kali seminggu, dengan data sasaran dari kader posyandu dan ketua RT di setiap desa.";
    const texts = {
      ...concise,
      implementasi: `${concise.implementasi}\n\n${para}`,
      sumber_daya: `${concise.sumber_daya}\n\n${para}`,
    };
    expect(kinds(texts, 2021)).toEqual([["sumber_daya", "consistency_pasted"]]);
  });

  it("shows the findings in /cek and among the section's warnings, without lowering readiness", () => {
    const texts = { ...concise, ringkasan: `${concise.ringkasan} Kepuasan warga mencapai 97%.` };
    const check = checkProposal(KIPP, texts, { startYear: 2021 });
    expect(check.readiness).toBe(100);
    expect(check.sections[0]?.warnings.map((w) => w.kind)).toContain("consistency_summary_figure");
    const shown = plainText(renderProposalCheck(KIPP, check, "KIP-1", dialogueTexts("id"), "id"));
    expect(shown).toContain("Ringkasan: 🔗 Angka di Ringkasan yang tidak ada di bagian lain: 97%");
  });
});
