import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../../src/core/templates/loadTemplates.ts";
import type { Template } from "../../../src/core/templates/templateSchema.ts";

const templates = loadTemplates("prompts/templates");
const get = (id: string): Template => {
  const t = templates.get(id);
  if (!t) throw new Error(`template ${id} not bundled`);
  return t;
};
const weights = (items: { key: string; weight: number }[]) =>
  Object.fromEntries(items.map((i) => [i.key, i.weight]));

describe("bundled competition templates", () => {
  it("loads every file in prompts/templates, each validated and named after its id", () => {
    const files = readdirSync("prompts/templates").filter((f) => f.endsWith(".json"));
    expect([...templates.keys()].sort()).toEqual(files.map((f) => f.replace(/\.json$/, "")).sort());
    expect([...templates.keys()].sort()).toEqual([
      "kipp-2023-umum",
      "kipp-2025",
      "kota-satu-inovasi",
      "pekppp",
      "sivablik-kalbar",
      "sumbar-kpp",
    ]);
  });

  it("speaks Indonesian and English everywhere a participant reads", () => {
    for (const t of templates.values()) {
      for (const s of t.sections) {
        expect(s.questions.length, `${t.id}.${s.key}`).toBeGreaterThanOrEqual(2);
        for (const text of [
          s.title,
          s.purpose,
          ...s.questions,
          ...s.elements.flatMap((e) => [e.label, e.tip]),
        ]) {
          expect(text.id, `${t.id}.${s.key}`).not.toBe(text.en);
        }
      }
    }
  });

  it("asks for at least one checkable element in every scored section", () => {
    for (const t of templates.values())
      for (const s of t.sections.filter((x) => x.weight > 0))
        expect(s.elements.length, `${t.id}.${s.key}`).toBeGreaterThan(0);
  });
});

describe("kipp-2023-umum", () => {
  const t = get("kipp-2023-umum");

  it("has the eight 2023 sections in order with their weights", () => {
    expect(t.sections.map((s) => [s.key, s.weight])).toEqual([
      ["ringkasan", 0],
      ["latar_belakang", 10],
      ["kebaruan", 15],
      ["implementasi", 5],
      ["signifikansi", 30],
      ["adaptabilitas", 20],
      ["sumber_daya", 5],
      ["keberlanjutan", 15],
    ]);
    expect(t.sections[0]?.maxWords).toBe(200);
  });

  it("scores one criterion per weighted section, evidenced by that section", () => {
    expect(t.criteria.map((c) => [c.key, c.weight, c.sections])).toEqual(
      t.sections.filter((s) => s.weight > 0).map((s) => [s.key, s.weight, [s.key]]),
    );
  });

  it("recognises older heading names of imported documents", () => {
    const alias = (key: string) => t.sections.find((s) => s.key === key)?.aliases ?? [];
    expect(alias("latar_belakang")).toContain("Latar Belakang");
    expect(alias("kebaruan")).toEqual(
      expect.arrayContaining(["Kebaruan/Nilai Tambah", "Inovasi yang Dilakukan"]),
    );
    expect(alias("signifikansi")).toEqual(expect.arrayContaining(["Signifikansi", "Dampak"]));
    expect(alias("adaptabilitas")).toContain("Replikasi");
    expect(alias("sumber_daya")).toContain("Sumber Daya");
    expect(alias("keberlanjutan")).toContain("Keberlanjutan");
  });

  it("follows the national stages, scoring at desk evaluation and interview, with Top 99 and Top 45", () => {
    expect(t.stages.map((s) => s.key)).toEqual([
      "pendaftaran",
      "verifikasi_administrasi",
      "evaluasi_proposal",
      "top99",
      "presentasi_wawancara",
      "verifikasi_lapangan",
      "top45",
      "penganugerahan",
    ]);
    expect(t.stages.filter((s) => s.scored).map((s) => s.key)).toEqual([
      "evaluasi_proposal",
      "presentasi_wawancara",
    ]);
    expect(t.stages.filter((s) => s.topN).map((s) => s.topN)).toEqual([99, 45]);
  });

  it("has the 2022–2023 groups and categories, a 2-year minimum age, and requires the team decree", () => {
    expect(t.groups.map((g) => g.key)).toEqual(["umum", "khusus"]);
    expect(t.categories.map((c) => c.key)).toEqual([
      "inklusif_berkeadilan",
      "efektivitas_institusi",
      "ketahanan_institusi",
    ]);
    expect(t.eligibility.minInnovationAgeYears).toEqual({ "*": 2 });
    expect(t.attachments.find((a) => a.key === "sk_tim_inovator")?.required).toBe(true);
    expect(t.attachments.find((a) => a.key === "video")?.rules?.id).toMatch(/5 menit.*720p/);
    expect(t.scoreScale).toEqual({ min: 0, max: 100 });
  });
});

describe("kipp-2025", () => {
  const t = get("kipp-2025");

  it("keeps the KIPP section structure but changes groups, ages and stages", () => {
    expect(t.sections.map((s) => s.key)).toEqual(get("kipp-2023-umum").sections.map((s) => s.key));
    expect(t.groups.map((g) => g.key)).toEqual(["umum", "replikasi"]);
    expect(t.eligibility.minInnovationAgeYears).toEqual({ umum: 2, replikasi: 1 });
  });

  it("lets only proposals scoring 85 or more at the desk review advance", () => {
    const review = t.stages.find((s) => s.minScoreToAdvance !== undefined);
    expect(review).toMatchObject({ key: "review_proposal", scored: true, minScoreToAdvance: 85 });
    expect(t.stages.map((s) => s.key)).toEqual([
      "pendaftaran",
      "administrasi",
      "review_proposal",
      "kelayakan_tpi",
      "voting_publik",
    ]);
  });

  it("tells the secretariat what is not yet confirmed", () => {
    expect(t.provisional.join(" ")).toMatch(/replikasi/i);
    expect(t.provisional.length).toBeGreaterThanOrEqual(3);
  });
});

describe("pekppp", () => {
  const t = get("pekppp");

  it("weighs the six aspects as the evaluation does, on a 0–5 scale", () => {
    expect(weights(t.criteria)).toEqual({
      kebijakan_pelayanan: 24,
      profesionalisme_sdm: 25,
      sarana_prasarana: 18,
      sistem_informasi: 11,
      konsultasi_pengaduan: 10,
      inovasi: 12,
    });
    expect(weights(t.sections)).toEqual(weights(t.criteria));
    expect(t.scoreScale).toEqual({ min: 0, max: 5 });
  });

  it("breaks Kebijakan Pelayanan into its nine weighted indicators", () => {
    const kp = t.criteria.find((c) => c.key === "kebijakan_pelayanan");
    expect(kp?.indicators?.map((i) => i.weight)).toEqual([17, 14, 7, 14, 10, 17, 7, 7, 7]);
    expect(t.criteria.filter((c) => c.indicators).map((c) => c.key)).toEqual(["kebijakan_pelayanan"]);
  });
});

describe("regional and city rounds", () => {
  it("sumbar-kpp: six equal-ish components at provincial level, weights marked provisional", () => {
    const t = get("sumbar-kpp");
    expect(t.level).toBe("provincial");
    expect(weights(t.criteria)).toEqual({
      standar_pelayanan: 17,
      sdm: 17,
      sarana_prasarana: 17,
      inovasi: 17,
      pendapat_masyarakat: 16,
      kepemimpinan: 16,
    });
    expect(t.provisional.some((p) => /bobot/i.test(p))).toBe(true);
    expect(t.stages.some((s) => s.key === "kunjungan_lapangan" && s.scored)).toBe(true);
  });

  it("kota-satu-inovasi: a city round that picks a top 10", () => {
    const t = get("kota-satu-inovasi");
    expect(t.level).toBe("city");
    expect(t.stages.find((s) => s.topN !== undefined)).toMatchObject({ key: "top10", topN: 10 });
    expect(t.sections.length).toBeLessThan(get("kipp-2023-umum").sections.length);
  });
});
