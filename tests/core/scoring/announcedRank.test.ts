import { describe, expect, it } from "vitest";
import { announcedRank } from "../../../src/core/scoring/announcedRank.ts";
import { loadTemplateFile } from "../../../src/core/templates/loadTemplates.ts";

const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");
const KIPP25 = loadTemplateFile("prompts/templates/kipp-2025.json");
const SUMBAR = loadTemplateFile("prompts/templates/sumbar-kpp.json");

describe("the rank a participant is told", () => {
  it.each([
    [
      "during the desk evaluation (Top 99 not announced yet)",
      KIPP,
      { stage: "evaluasi_proposal", total: 6.3, rank: 1 },
      "evaluasi_proposal",
      undefined,
    ],
    [
      "once the proposal is in the Top 99",
      KIPP,
      { stage: "evaluasi_proposal", total: 80, rank: 12 },
      "top99",
      { topN: 99 },
    ],
    [
      "past the Top 99 stage",
      KIPP,
      { stage: "evaluasi_proposal", total: 80, rank: 12 },
      "presentasi_wawancara",
      { topN: 99 },
    ],
    ["outside the cut", KIPP, { stage: "evaluasi_proposal", total: 50, rank: 120 }, "top99", undefined],
    [
      "a template without a top-N cut (no invented '3 besar' for the only proposal)",
      SUMBAR,
      { stage: "penilaian_dokumen", total: 90, rank: 1 },
      "penetapan",
      undefined,
    ],
    [
      "a pass-mark template without a top-N",
      KIPP25,
      { stage: "review_proposal", total: 60, rank: 1 },
      "kelayakan_tpi",
      undefined,
    ],
  ] as const)("%s", (_, template, r, stage, want) => {
    expect(announcedRank(template, r, stage)).toEqual(want);
  });
});
