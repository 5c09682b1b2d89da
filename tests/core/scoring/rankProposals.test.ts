import { describe, expect, it } from "vitest";
import { rankProposals } from "../../../src/core/scoring/rankProposals.ts";
import { advances, rankBand, stageCut } from "../../../src/core/scoring/stageCut.ts";
import { KIPP } from "../../helpers/appHarness.ts";

describe("rankProposals", () => {
  it("ranks within group and category; equal totals share a rank and the next one skips", () => {
    const r = rankProposals([
      { id: "a", group: "umum", category: "x", total: 90 },
      { id: "b", group: "umum", category: "x", total: 85 },
      { id: "c", group: "umum", category: "x", total: 85.0000000001 },
      { id: "d", group: "umum", category: "x", total: 70 },
      { id: "e", group: "umum", category: "y", total: 60 },
      { id: "f", group: "khusus", category: "x", total: 99 },
      { id: "g", group: "umum", category: "x", total: null },
    ]);
    expect(Object.fromEntries([...r].map(([id, v]) => [id, v]))).toEqual({
      a: { rank: 1, of: 4 },
      b: { rank: 2, of: 4 },
      c: { rank: 2, of: 4 },
      d: { rank: 4, of: 4 },
      e: { rank: 1, of: 1 },
      f: { rank: 1, of: 1 },
      g: { rank: null, of: 4 },
    });
  });
});

describe("stage cuts", () => {
  it("takes the top-N from the announcement stage that follows a scored stage", () => {
    expect(stageCut(KIPP, "evaluasi_proposal")).toEqual({ minScore: undefined, topN: 99 });
    expect(stageCut(KIPP, "presentasi_wawancara")).toEqual({ minScore: undefined, topN: 45 });
  });

  it("flags who advances by minimum score and top-N", () => {
    expect(advances({ minScore: 85 }, 85, 300)).toBe(true);
    expect(advances({ minScore: 85 }, 84.9, 1)).toBe(false);
    expect(advances({ topN: 99 }, 50, 99)).toBe(true);
    expect(advances({ topN: 99 }, 50, 100)).toBe(false);
    expect(advances({ minScore: 85, topN: 10 }, 90, 11)).toBe(false);
    expect(advances({}, 90, 1)).toBeNull();
  });

  it("tells a rank as a band, never the exact place", () => {
    expect(rankBand(7, { topN: 99 })).toEqual({ kind: "top", n: 99 });
    expect(rankBand(7, {})).toEqual({ kind: "band", n: 10 });
    expect(rankBand(120, { topN: 99 })).toEqual({ kind: "band", n: 250 });
    expect(rankBand(5000, {})).toBeUndefined();
    expect(rankBand(null, {})).toBeUndefined();
  });
});
