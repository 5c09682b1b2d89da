import { z } from "zod";
import type { ReleasedScores } from "../../core/scoring/scoreFocus.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../createDatabase.ts";

const criteriaSchema = z.array(z.object({ key: z.string(), mean: z.number().nullable() }).loose()).catch([]);

/**
 * The proposal's results at its released rounds with criterion scores (totals-only releases hide
 * them from participants, so coaching does not use them either).
 */
export async function releasedScores(db: Db, proposalId: string): Promise<ReleasedScores[]> {
  const rows = await db.$queryRaw<{ stage: string; criteria: unknown }[]>`
    SELECT r.stage, r.criteria
    FROM "ScoreResult" r
    JOIN "Proposal" p ON p.id = r."proposalId"
    JOIN "ScoreRelease" rel ON rel."competitionId" = p."competitionId" AND rel.stage = r.stage
    WHERE r."proposalId" = ${proposalId} AND rel."totalsOnly" = false`;
  return rows.map((r) => ({ stage: r.stage, criteria: criteriaSchema.parse(r.criteria) }));
}

/** The latest round in the template's stage order: what coaching uses until the next round. */
export function latestRound(
  rounds: readonly ReleasedScores[],
  template: Template,
): ReleasedScores | undefined {
  const order = (k: string) => template.stages.findIndex((s) => s.key === k);
  return [...rounds].sort((a, b) => order(b.stage) - order(a.stage))[0];
}

/** Section texts of proposals, by proposal id then section key. */
export async function sectionTexts(
  db: Db,
  proposalIds: string[],
): Promise<Map<string, Record<string, string>>> {
  const rows = await db.sectionDraft.findMany({
    where: { proposalId: { in: proposalIds } },
    select: { proposalId: true, sectionKey: true, text: true },
  });
  const out = new Map<string, Record<string, string>>();
  for (const r of rows) out.set(r.proposalId, { ...out.get(r.proposalId), [r.sectionKey]: r.text });
  return out;
}

/** Section keys of a proposal for which AI advice was shown to its writers. */
export async function aiAdvisedSections(db: Db, proposalId: string): Promise<string[]> {
  const rows = await db.aiSuggestion.findMany({
    where: { proposalId, sectionKey: { not: null } },
    select: { sectionKey: true },
    distinct: ["sectionKey"],
  });
  return rows.map((r) => r.sectionKey!).filter(Boolean);
}
