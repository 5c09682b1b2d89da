import type { Template } from "../templates/templateSchema.ts";

/** What it takes to advance past a scored stage: a minimum total and/or a top-N cut. */
export interface StageCut {
  minScore?: number;
  topN?: number;
}

/**
 * The cut of a scored stage. Templates often put the top-N on the announcement stage that follows
 * (KIPP: evaluasi_proposal → top99), so the first topN up to the next scored stage counts.
 */
export function stageCut(template: Template, stageKey: string): StageCut {
  const i = template.stages.findIndex((s) => s.key === stageKey);
  const stage = template.stages[i];
  if (!stage) return {};
  let topN = stage.topN;
  for (let j = i + 1; topN === undefined && j < template.stages.length; j++) {
    const next = template.stages[j]!;
    if (next.scored) break;
    topN = next.topN;
  }
  return { minScore: stage.minScoreToAdvance, topN };
}

/** Whether a result passes the cut; null when the stage sets no cut at all. */
export function advances(cut: StageCut, total: number | null, rank: number | null): boolean | null {
  if (cut.minScore === undefined && cut.topN === undefined) return null;
  if (total === null) return false;
  if (cut.minScore !== undefined && total + 1e-9 < cut.minScore) return false;
  if (cut.topN !== undefined && (rank === null || rank > cut.topN)) return false;
  return true;
}

const BANDS = [3, 5, 10, 25, 50, 100, 250, 500, 1000];

/**
 * What a participant is told about their rank: "Top 99" when within the stage's cut, else the
 * smallest round band ("10 besar"); nothing below the last band. Never the exact position.
 */
export function rankBand(
  rank: number | null,
  cut: StageCut,
): { kind: "top" | "band"; n: number } | undefined {
  if (rank === null) return undefined;
  if (cut.topN !== undefined && rank <= cut.topN) return { kind: "top", n: cut.topN };
  const n = BANDS.find((b) => rank <= b);
  return n === undefined ? undefined : { kind: "band", n };
}
