import { randomUUID } from "node:crypto";
import { checkScoreValue, type ValueProblem } from "../../core/scoring/checkScoreValue.ts";
import type { Db } from "../../db/createDatabase.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { addConflicts } from "../../db/queries/judgeAssignments.ts";
import { proposalIdByCode, proposalIdsByCodes } from "../../db/queries/proposals.ts";
import { type ImportedScore, isReleased, upsertImportedScores } from "../../db/queries/scores.ts";
import { type CompetitionData, normalizeCode, StatusError } from "./competitionData.ts";
import { type RowError, TableImportError, type TableRow } from "./readTable.ts";

/** Accepted header spellings of a score sheet. */
export const SCORE_COLUMNS = {
  code: ["kode", "proposal", "proposal code", "kode proposal"],
  judge: ["juri", "penilai", "evaluator"],
  criterion: ["kriteria", "criteria", "aspek"],
  value: ["nilai", "score", "skor"],
  comment: ["komentar", "catatan", "comments", "note"],
  conflict: ["konflik", "konflik kepentingan", "conflict of interest", "coi"],
} as const;

export const SCORE_REQUIRED = ["code", "judge", "criterion"] as const;

export interface ScoresImportResult {
  scores: number;
  conflicts: number;
  proposals: number;
  applied: boolean;
  /** The stage was released before: the published figures change only with a new release. */
  alreadyReleased: boolean;
}

const YES = new Set(["ya", "y", "yes", "1", "true", "x", "konflik", "conflict"]);
const NO = new Set(["", "tidak", "no", "n", "0", "false", "-"]);

/**
 * `klinik scores import`: validates every row (unknown code or criterion, a value off the scale or
 * its step, a row twice), reports all bad rows at once, and applies nothing unless all are good;
 * then writes scores and declared conflicts in one transaction.
 */
export async function importScores(
  db: Db,
  competition: CompetitionData,
  stageKey: string,
  rows: TableRow[],
  opts: { dryRun?: boolean; actorId?: string; file?: string } = {},
): Promise<ScoresImportResult> {
  const { template } = competition;
  const stage = template.stages.find((s) => s.key === stageKey);
  if (!stage)
    throw new StatusError(
      `unknown stage "${stageKey}" (stages: ${template.stages.map((s) => s.key).join(", ")})`,
    );
  if (!stage.scored)
    throw new StatusError(
      `stage "${stageKey}" is not scored (scored stages: ${
        template.stages
          .filter((s) => s.scored)
          .map((s) => s.key)
          .join(", ") || "none"
      })`,
    );
  const codes = [
    ...new Set(
      rows.map((r) => normalizeCode(r.cells.code ?? "")).filter((c): c is string => c !== undefined),
    ),
  ];
  const found = await proposalIdsByCodes(db, competition.id, codes);
  const idOf = new Map(found.map((p) => [p.code, p.id]));
  const criteria = new Map(template.criteria.map((c) => [c.key, c.key]));
  for (const c of template.criteria) {
    criteria.set(c.name.id.toLowerCase(), c.key);
    criteria.set(c.name.en.toLowerCase(), c.key);
  }

  const errors: RowError[] = [];
  const scores: ImportedScore[] = [];
  const conflicts = new Map<string, { proposalId: string; judge: string }>();
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const err = (column: string, reason: string) => errors.push({ row, column, reason });
    const code = normalizeCode(cells.code ?? "");
    const proposalId = code ? idOf.get(code) : undefined;
    if (!proposalId)
      err(
        "code",
        cells.code ? `unknown proposal code "${cells.code}" in ${competition.slug}` : "code is empty",
      );
    const judge = (cells.judge ?? "").trim();
    if (!judge) err("judge", "judge is empty");
    const conflictRaw = (cells.conflict ?? "").trim().toLowerCase();
    const conflict = YES.has(conflictRaw);
    if (!conflict && !NO.has(conflictRaw)) err("conflict", `"${cells.conflict}" is not yes/no (ya/tidak)`);
    const criterionRaw = (cells.criterion ?? "").trim();
    const criterion = criteria.get(criterionRaw.toLowerCase());
    const valueRaw = (cells.value ?? "").trim();
    // A conflict row may leave criterion and value empty: it only declares the conflict.
    const declaresOnly = conflict && !criterionRaw && !valueRaw;
    if (!declaresOnly) {
      if (!criterion)
        err(
          "criterion",
          criterionRaw
            ? `unknown criterion "${criterionRaw}" (criteria: ${template.criteria.map((c) => c.key).join(", ")})`
            : "criterion is empty",
        );
      if (!valueRaw) err("value", "value is empty");
      else {
        const v = checkScoreValue(valueRaw, template.scoreScale);
        if ("problem" in v) err("value", describe(valueRaw, v.problem));
        else if (proposalId && judge && criterion) {
          const key = `${proposalId}|${judge.toLowerCase()}|${criterion}`;
          const dup = seen.get(key);
          if (dup !== undefined)
            err("criterion", `duplicate of row ${dup} (same proposal, judge and criterion)`);
          else {
            seen.set(key, row);
            scores.push({
              id: randomUUID(),
              proposalId,
              judge,
              criterion,
              value: v.value,
              comment: (cells.comment ?? "").slice(0, 2000),
            });
          }
        }
      }
    }
    if (conflict && proposalId && judge) conflicts.set(`${proposalId}|${judge}`, { proposalId, judge });
  }
  if (errors.length) throw new TableImportError(`${errors.length} bad row(s); nothing was imported`, errors);

  const alreadyReleased = await isReleased(db, competition.id, stageKey);
  const result: ScoresImportResult = {
    scores: scores.length,
    conflicts: conflicts.size,
    proposals: new Set(scores.map((s) => s.proposalId)).size,
    applied: false,
    alreadyReleased,
  };
  if (opts.dryRun) return result;
  await db.$transaction(
    async (tx) => {
      // One statement per thousand rows.
      for (let i = 0; i < scores.length; i += 1000)
        await upsertImportedScores(tx, stageKey, scores.slice(i, i + 1000));
      if (conflicts.size) await addConflicts(tx, [...conflicts.values()]);
      await recordAudit(tx, {
        actorId: opts.actorId,
        action: "scores.import",
        subject: `${competition.slug}/${stageKey}`,
        details: {
          file: opts.file ?? "",
          scores: result.scores,
          conflicts: result.conflicts,
          proposals: result.proposals,
        },
      });
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  return { ...result, applied: true };
}

function describe(raw: string, p: ValueProblem): string {
  switch (p.kind) {
    case "notNumber":
      return `"${raw}" is not a number`;
    case "offScale":
      return `${raw} is outside the scale ${p.min}–${p.max}`;
    case "offStep":
      return `${raw} is not a multiple of the step ${p.step}`;
  }
}

/** `klinik scores conflict <code> <judge>`: the judge's scores for that proposal no longer count. */
export async function declareConflict(
  db: Db,
  code: string,
  judge: string,
  actorId?: string,
): Promise<{ code: string; created: boolean }> {
  const norm = normalizeCode(code);
  const p = norm ? await proposalIdByCode(db, norm) : null;
  if (!p) throw new StatusError(`unknown proposal code "${code}"`);
  if (!judge.trim()) throw new StatusError("scores conflict needs a judge");
  return db.$transaction(async (tx) => {
    const created = (await addConflicts(tx, [{ proposalId: p.id, judge: judge.trim() }])) > 0;
    if (created)
      await recordAudit(tx, {
        actorId,
        action: "scores.conflict",
        subject: p.code,
        details: { judge: judge.trim() },
      });
    return { code: p.code, created };
  });
}
