import type { Template } from "../templates/templateSchema.ts";
import { stageCut } from "./stageCut.ts";

/**
 * The rank a participant may be told for a scored stage: only the template's own cut ("Top 99"),
 * only once that cut has been announced (the proposal has reached the stage that carries it), and
 * never for a total below the stage's pass mark. No invented bands: "3 besar" for the only
 * proposal, or "Top 99" for 6,3/100 during the desk evaluation, say something untrue.
 */
export function announcedRank(
  template: Template,
  r: { stage: string; total: number | null; rank: number | null },
  proposalStage: string,
): { topN: number } | undefined {
  const cut = stageCut(template, r.stage);
  if (cut.topN === undefined || r.rank === null || r.rank > cut.topN) return undefined;
  if (cut.minScore !== undefined && (r.total === null || r.total + 1e-9 < cut.minScore)) return undefined;
  const from = template.stages.findIndex((s) => s.key === r.stage);
  const announcedAt = template.stages.findIndex((s, i) => i >= from && s.topN === cut.topN);
  const at = template.stages.findIndex((s) => s.key === proposalStage);
  if (announcedAt < 0 || at < announcedAt) return undefined;
  return { topN: cut.topN };
}
