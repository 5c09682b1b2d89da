import { z } from "zod";
import { statusTexts } from "../../core/i18n/statusTexts.ts";
import { aggregateScores } from "../../core/scoring/aggregateScores.ts";
import { latestRevisions } from "../../core/scoring/latestRevisions.ts";
import { rankProposals } from "../../core/scoring/rankProposals.ts";
import { advances, stageCut } from "../../core/scoring/stageCut.ts";
import type { Db } from "../../db/createDatabase.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { conflictsOf as conflictRows } from "../../db/queries/judgeAssignments.ts";
import { proposalsForRanking } from "../../db/queries/proposals.ts";
import { replaceResults, saveRelease, scoresAtStage } from "../../db/queries/scores.ts";
import { CODES_PLACEHOLDER, type Notifier } from "../notifier.ts";
import { type CompetitionData, StatusError } from "./competitionData.ts";

/** ScoreResult.criteria as stored (validated on read). */
export const resultCriteriaSchema = z.array(
  z.object({ key: z.string(), mean: z.number().nullable(), judges: z.number().int() }),
);
export const resultCommentsSchema = z.array(z.object({ criterion: z.string(), text: z.string() }));

export interface ReleaseResult {
  results: number;
  unscored: number;
  /** Proposals whose total left out a criterion nobody scored. */
  incomplete: string[];
  proposals: { id: string; code: string; title: string; unitId: string }[];
}

const PAGE = 2_000;

/**
 * `klinik scores release`: computes every proposal's result at the stage (conflicted judges left
 * out, weighted total, rank within group and category, the stage's cut) and freezes it as
 * ScoreResult rows, with the ScoreRelease row and an AuditLog entry, in one transaction.
 * Participants see nothing of a stage before this. Releasing again replaces the snapshot.
 */
export async function releaseScores(
  db: Db,
  competition: CompetitionData,
  stageKey: string,
  opts: {
    totalsOnly?: boolean;
    withComments?: boolean;
    actorId?: string;
    /** Called with the figures about to be released, before anything is saved (the CLI confirms here). */
    beforeApply?: (plan: { results: number; unscored: number; incomplete: number }) => Promise<void>;
  },
): Promise<ReleaseResult> {
  const { template } = competition;
  const stage = template.stages.find((s) => s.key === stageKey);
  if (!stage)
    throw new StatusError(
      `unknown stage "${stageKey}" (stages: ${template.stages.map((s) => s.key).join(", ")})`,
    );
  if (!stage.scored) throw new StatusError(`stage "${stageKey}" is not scored`);
  const proposals = await proposalsForRanking(db, competition.id);
  const computed: {
    id: string;
    total: number | null;
    criteria: z.infer<typeof resultCriteriaSchema>;
    comments: z.infer<typeof resultCommentsSchema>;
  }[] = [];
  const incomplete: string[] = [];
  for (let i = 0; i < proposals.length; i += PAGE) {
    const ids = proposals.slice(i, i + PAGE).map((p) => p.id);
    const [scores, conflicts] = await Promise.all([scoresAtStage(db, ids, stageKey), conflictRows(db, ids)]);
    const byProposal = groupBy(latestRevisions(scores), (s) => s.proposalId);
    const conflictsOf = groupBy(conflicts, (c) => c.proposalId);
    for (const id of ids) {
      const rows = byProposal.get(id);
      if (!rows) continue;
      const conflicted = new Set((conflictsOf.get(id) ?? []).map((c) => c.judge));
      const agg = aggregateScores(template, rows, conflicted);
      if (agg.missing.length) incomplete.push(id);
      const comments = opts.withComments
        ? [
            ...new Map(
              rows
                .filter((r) => r.comment.trim() && !conflicted.has(r.judge))
                .map((r) => [`${r.criterion}|${r.comment.trim()}`, r]),
            ).values(),
          ].map((r) => ({ criterion: r.criterion, text: r.comment.trim() }))
        : [];
      computed.push({
        id,
        total: agg.total,
        criteria: agg.criteria.map((c) => ({ key: c.key, mean: c.mean, judges: c.judges })),
        comments,
      });
    }
  }
  const info = new Map(proposals.map((p) => [p.id, p]));
  const ranks = rankProposals(
    computed.map((c) => ({
      id: c.id,
      group: info.get(c.id)!.group,
      category: info.get(c.id)!.category,
      total: c.total,
    })),
  );
  await opts.beforeApply?.({
    results: computed.length,
    unscored: proposals.length - computed.length,
    incomplete: incomplete.length,
  });
  const cut = stageCut(template, stageKey);
  const releasedAt = new Date();
  await db.$transaction(
    async (tx) => {
      await replaceResults(
        tx,
        competition.id,
        stageKey,
        computed.map((c) => {
          const r = ranks.get(c.id);
          return {
            proposalId: c.id,
            total: c.total,
            rank: r?.rank ?? null,
            rankOf: r?.of ?? 0,
            advances: advances(cut, c.total, r?.rank ?? null),
            criteria: c.criteria,
            comments: c.comments,
          };
        }),
        releasedAt,
      );
      const flags = { totalsOnly: opts.totalsOnly === true, withComments: opts.withComments === true };
      await saveRelease(tx, {
        competitionId: competition.id,
        stage: stageKey,
        ...flags,
        releasedById: opts.actorId,
        releasedAt,
      });
      await recordAudit(tx, {
        actorId: opts.actorId,
        action: "scores.release",
        subject: `${competition.slug}/${stageKey}`,
        details: { ...flags, results: computed.length },
      });
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  const withResult = new Set(computed.map((c) => c.id));
  return {
    results: computed.length,
    unscored: proposals.length - computed.length,
    incomplete: incomplete.map((id) => info.get(id)!.code),
    proposals: proposals
      .filter((p) => withResult.has(p.id))
      .map(({ id, code, title, unitId }) => ({ id, code, title, unitId })),
  };
}

/**
 * Queues one message to each member of a released proposal's unit, naming their own codes, in
 * one statement whatever the number of participants; returns how many will be told.
 */
export async function notifyRelease(
  notifier: Notifier,
  competition: CompetitionData,
  stageKey: string,
  released: ReleaseResult,
  actorId?: string,
): Promise<number> {
  const label = competition.template.stages.find((s) => s.key === stageKey)?.label ?? {
    id: stageKey,
    en: stageKey,
  };
  const r = await notifier.notify({
    competitionId: competition.id,
    proposalIds: released.proposals.map((p) => p.id),
    text: (locale) => statusTexts(locale).scoresReleased(label[locale], CODES_PLACEHOLDER),
    summary: `scores released: ${stageKey}`,
    actorId,
  });
  return r.queued;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
