import { aggregateScores } from "../../core/scoring/aggregateScores.ts";
import { latestRevisions } from "../../core/scoring/latestRevisions.ts";
import { rankProposals } from "../../core/scoring/rankProposals.ts";
import { advances, stageCut } from "../../core/scoring/stageCut.ts";
import type { Db } from "../../db/createDatabase.ts";
import { scoredProposalsAtStage } from "../../db/queries/scores.ts";
import type { CompetitionData } from "../status/competitionData.ts";

export interface PreviewRow {
  code: string;
  title: string;
  group: string;
  category: string;
  total: number | null;
  rank: number | null;
  rankOf: number;
  advances: boolean | null;
  judges: number;
}

/**
 * What a release would publish, computed as releaseScores does (conflicted judges left out,
 * weighted totals, ranks within group and category, the stage's cut) but written nowhere.
 */
export async function previewRelease(db: Db, comp: CompetitionData, stageKey: string): Promise<PreviewRow[]> {
  const proposals = await scoredProposalsAtStage(db, comp.id, stageKey);
  const computed = proposals.map((p) => {
    const conflicted = new Set(p.conflicts.map((x) => x.judge));
    // As releaseScores: a correction after an appeal (a later revision) counts, not the row it replaced.
    const agg = aggregateScores(comp.template, latestRevisions(p.scores), conflicted);
    const judges = new Set(p.scores.filter((s) => !conflicted.has(s.judge)).map((s) => s.judge)).size;
    return { p, total: agg.total, judges };
  });
  const ranks = rankProposals(
    computed.map((x) => ({ id: x.p.id, group: x.p.group, category: x.p.category, total: x.total })),
  );
  const cut = stageCut(comp.template, stageKey);
  return computed
    .map(({ p, total, judges }) => {
      const r = ranks.get(p.id);
      return {
        code: p.code,
        title: p.title,
        group: p.group,
        category: p.category,
        total,
        rank: r?.rank ?? null,
        rankOf: r?.of ?? 0,
        advances: advances(cut, total, r?.rank ?? null),
        judges,
      };
    })
    .sort(
      (a, b) =>
        a.group.localeCompare(b.group) ||
        a.category.localeCompare(b.category) ||
        (a.rank ?? 1e9) - (b.rank ?? 1e9),
    );
}
