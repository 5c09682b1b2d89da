import { describe, expect, it } from "vitest";
import { checkProposal } from "../../../src/core/completeness/checkProposal.ts";
import { draft, KIPP, proposal } from "./kippFixtures.ts";

describe("checkProposal", () => {
  it("gives the coherent good proposal readiness 100 and nothing to fix", () => {
    const check = checkProposal(KIPP, proposal("good"));
    expect(check.readiness).toBe(100);
    expect(check.topFixes).toEqual([]);
    expect(check.sections.map((s) => s.sectionKey)).toEqual(KIPP.sections.map((s) => s.key));
    expect(check.sections.every((s) => s.mark === "complete")).toBe(true);
    expect(check.grid.every((row) => row.fulfilment === 1)).toBe(true);
  });

  it("points an empty proposal at the heaviest sections first", () => {
    const check = checkProposal(KIPP, {});
    expect(check.readiness).toBe(0);
    expect(check.topFixes.map((f) => [f.sectionKey, f.weight, f.mark])).toEqual([
      ["signifikansi", 30, "empty"],
      ["adaptabilitas", 20, "empty"],
      ["kebaruan", 15, "empty"], // ties with keberlanjutan (15): template order decides
    ]);
  });

  it("on a half-written proposal, counts the finished weight and lists the three biggest gaps", () => {
    const texts = Object.fromEntries(
      ["ringkasan", "latar_belakang", "kebaruan", "implementasi", "sumber_daya"].map((k) => [
        k,
        draft(k, "good"),
      ]),
    );
    const check = checkProposal(KIPP, texts);
    expect(check.readiness).toBe(10 + 15 + 5 + 5);
    expect(check.topFixes.map((f) => [f.sectionKey, f.gain])).toEqual([
      ["signifikansi", 30],
      ["adaptabilitas", 20],
      ["keberlanjutan", 15],
    ]);
    expect(check.topFixes[0]?.missing.map((e) => e.key)).toEqual([
      "sebelum_sesudah",
      "ukuran_dampak",
      "manfaat_warga",
      "evaluasi_internal",
      "evaluasi_eksternal",
    ]);
  });

  it("weighs partly written sections by what they still lack", () => {
    const texts = {
      ...proposal("good"),
      signifikansi: draft("signifikansi", "bad"),
      keberlanjutan: draft("keberlanjutan", "bad"),
    };
    delete (texts as Record<string, string | undefined>).adaptabilitas;
    const check = checkProposal(KIPP, texts);
    const byKey = Object.fromEntries(check.sections.map((s) => [s.sectionKey, s]));
    // weak Signifikansi: 3 of 6 checks (two of five elements, written in Indonesian; its length is
    // guidance and costs nothing), weak Keberlanjutan: 2 of 5 (one of four elements, the language)
    expect(byKey.signifikansi?.fulfilment).toBeCloseTo(3 / 6);
    expect(byKey.keberlanjutan?.fulfilment).toBeCloseTo(2 / 5);
    expect(check.readiness).toBe(Math.floor(100 - 30 * (3 / 6) - 20 - 15 * (3 / 5)));
    // gains: Adaptabilitas 20 (empty), Signifikansi 30 × 1/2 = 15, Keberlanjutan 15 × 3/5 = 9
    expect(check.topFixes.map((f) => [f.sectionKey, f.mark])).toEqual([
      ["adaptabilitas", "empty"],
      ["signifikansi", "incomplete"],
      ["keberlanjutan", "incomplete"],
    ]);
    expect(check.topFixes[2]?.missing.map((e) => e.key)).toEqual(["dasar_hukum", "sop", "anggaran_rutin"]);
  });

  it("still lists an unfinished zero-weight Ringkasan, after the weighted fixes", () => {
    const texts = { ...proposal("good"), ringkasan: "" };
    const check = checkProposal(KIPP, texts);
    expect(check.readiness).toBe(100); // Ringkasan carries 0% of the score in 2023
    expect(check.topFixes).toHaveLength(1);
    expect(check.topFixes[0]).toMatchObject({ sectionKey: "ringkasan", mark: "empty", gain: 0 });
  });

  it("shows each criterion with the marks of the sections that evidence it", () => {
    const texts = { ...proposal("good"), signifikansi: draft("signifikansi", "bad") };
    const check = checkProposal(KIPP, texts);
    expect(check.grid.map((r) => r.criterionKey)).toEqual(KIPP.criteria.map((c) => c.key));
    const sig = check.grid.find((r) => r.criterionKey === "signifikansi");
    expect(sig).toMatchObject({ weight: 30, sections: [{ sectionKey: "signifikansi", mark: "incomplete" }] });
    expect(sig?.fulfilment).toBeCloseTo(3 / 6);
    expect(check.grid.find((r) => r.criterionKey === "kebaruan")?.fulfilment).toBe(1);
  });
});
