import { aggregateScores } from "../../core/scoring/aggregateScores.ts";
import { latestRevisions } from "../../core/scoring/latestRevisions.ts";
import { rankProposals } from "../../core/scoring/rankProposals.ts";
import { advances, stageCut } from "../../core/scoring/stageCut.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { applyCorrection, peerResults, proposalScores } from "../../db/queries/scoreCorrections.ts";
import type { TicketView } from "../../db/queries/ticketViews.ts";

export type CorrectionOutcome =
  | { kind: "corrected"; total: number | null; criterion: string }
  | { kind: "notAppeal" }
  | { kind: "notAccepted" }
  | { kind: "unknownCriterion"; criteria: string[] }
  | { kind: "badValue"; min: number; max: number };

/**
 * Corrects a criterion's score after an accepted appeal: a new score row per judge (the next
 * revision, the imported and earlier rows kept), the proposal's result re-aggregated and released
 * again, the ranks of its group and category recomputed, all in one audited transaction. Without
 * a judge named, every judge who scored the criterion gets the corrected value (the criterion's
 * mean becomes it); with none, one row under "koreksi".
 */
export async function correctScore(
  db: Db,
  template: Template,
  proposal: { id: string; competitionId: string; group: string; category: string },
  ticket: TicketView,
  c: { criterion: string; value: number; judge?: string; actorId?: string; at: Date },
): Promise<CorrectionOutcome> {
  if (ticket.kind !== "banding" || !ticket.stage) return { kind: "notAppeal" };
  if (ticket.decision !== "accepted") return { kind: "notAccepted" };
  const criterion = template.criteria.find((x) => x.key === c.criterion.toLowerCase());
  if (!criterion) return { kind: "unknownCriterion", criteria: template.criteria.map((x) => x.key) };
  const { min, max } = template.scoreScale;
  if (!Number.isFinite(c.value) || c.value < min || c.value > max) return { kind: "badValue", min, max };
  const stage = ticket.stage;
  const { scores, conflicted } = await proposalScores(db, proposal.id, stage);
  const ofCriterion = scores.filter((s) => s.criterion === criterion.key);
  const judges = c.judge
    ? [c.judge]
    : [...new Set(ofCriterion.filter((s) => !conflicted.has(s.judge)).map((s) => s.judge))];
  if (judges.length === 0) judges.push("koreksi");
  const rows = judges.map((judge) => ({
    judge,
    criterion: criterion.key,
    value: c.value,
    revision: Math.max(-1, ...ofCriterion.filter((s) => s.judge === judge).map((s) => s.revision)) + 1,
  }));
  const after = latestRevisions([
    ...scores,
    ...rows.map((r) => ({ ...r, proposalId: proposal.id, comment: "" })),
  ]);
  const agg = aggregateScores(template, after, conflicted);
  const peers = await peerResults(db, proposal, stage);
  const totals = peers.map((p) => ({
    id: p.proposalId,
    group: proposal.group,
    category: proposal.category,
    total: p.proposalId === proposal.id ? agg.total : p.total,
  }));
  const ranked = rankProposals(totals);
  const cut = stageCut(template, stage);
  await applyCorrection(db, {
    proposalId: proposal.id,
    stage,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    actorId: c.actorId,
    rows,
    result: {
      total: agg.total,
      criteria: agg.criteria.map((x) => ({ key: x.key, mean: x.mean, judges: x.judges })),
    },
    // Only the rows whose rank or cut changed are written.
    ranks: totals
      .map((p) => {
        const r = ranked.get(p.id);
        return {
          proposalId: p.id,
          rank: r?.rank ?? null,
          rankOf: r?.of ?? 0,
          advances: advances(cut, p.total, r?.rank ?? null),
        };
      })
      .filter((r) => {
        const was = peers.find((p) => p.proposalId === r.proposalId);
        return !was || was.rank !== r.rank || was.rankOf !== r.rankOf || was.advances !== r.advances;
      }),
    at: c.at,
  });
  return { kind: "corrected", total: agg.total, criterion: criterion.key };
}
