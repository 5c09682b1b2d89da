import { statusTexts } from "../../core/i18n/statusTexts.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db, Tx } from "../../db/createDatabase.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { moveToStage, stageProposalByCode, stageProposalsByCodes } from "../../db/queries/stages.ts";
import type { Notifier } from "../notifier.ts";
import { findStage, normalizeCode, stageIndex } from "./competitionData.ts";
import { type RowError, TableImportError, type TableRow } from "./readTable.ts";

/** Who changes a stage: a chat contact (actorId) or the CLI operator. */
export interface Actor {
  actorId?: string;
  via: "chat" | "cli" | "import" | "dashboard";
}

export interface StageChange {
  proposalId: string;
  code: string;
  title: string;
  unitId: string;
  competitionId: string;
  from: string;
  to: string;
  note: string;
  announced: boolean;
}

export type SetStageResult =
  | { kind: "changed"; change: StageChange }
  | { kind: "same"; code: string; stage: string; competitionId: string }
  | { kind: "backwards"; code: string; from: string; to: string; competitionId: string }
  | { kind: "unknownStage"; template?: Template }
  | { kind: "notFound" };

export type TemplateOf = (competitionId: string) => Promise<Template | undefined>;

/**
 * Moves one proposal to a stage of its template. Going back needs `force`; every change is a
 * StageEvent (who, when, note) and an AuditLog row, written together.
 */
export async function setStage(
  db: Db,
  templateOf: TemplateOf,
  req: {
    code: string;
    stage: string;
    note?: string;
    force?: boolean;
    actor: Actor;
    mayChange?: (competitionId: string) => boolean;
  },
): Promise<SetStageResult> {
  const code = normalizeCode(req.code);
  const p = code ? await stageProposalByCode(db, code) : null;
  if (!p || (req.mayChange && !req.mayChange(p.competitionId))) return { kind: "notFound" };
  const template = await templateOf(p.competitionId);
  const stage = template ? findStage(template, req.stage) : undefined;
  if (!template || !stage) return { kind: "unknownStage", template };
  if (stage.key === p.stage)
    return { kind: "same", code: p.code, stage: stage.key, competitionId: p.competitionId };
  if (stageIndex(template, stage.key) < stageIndex(template, p.stage) && !req.force)
    return { kind: "backwards", code: p.code, from: p.stage, to: stage.key, competitionId: p.competitionId };
  const change: StageChange = {
    proposalId: p.id,
    code: p.code,
    title: p.title,
    unitId: p.unitId,
    competitionId: p.competitionId,
    from: p.stage,
    to: stage.key,
    note: req.note?.trim() ?? "",
    announced: stage.announced,
  };
  await db.$transaction((tx) => recordChange(tx, change, req.actor, req.force === true));
  return { kind: "changed", change };
}

async function recordChange(tx: Tx, c: StageChange, actor: Actor, forced: boolean): Promise<void> {
  await moveToStage(tx, { proposalId: c.proposalId, stage: c.to, note: c.note, actorId: actor.actorId });
  await recordAudit(tx, {
    actorId: actor.actorId,
    action: "stage.set",
    subject: c.code,
    details: { from: c.from, to: c.to, note: c.note, forced, via: actor.via },
  });
}

/**
 * `klinik status import`: rows of (code, stage, note), all checked first (unknown code or stage,
 * a code twice, going back without --force); then applied in one transaction or not at all.
 */
export async function importStages(
  db: Db,
  templateOf: TemplateOf,
  rows: TableRow[],
  opts: {
    force?: boolean;
    actor: Actor;
    /** Called once every row is valid and before anything is saved (the CLI asks to confirm here). */
    beforeApply?: (plan: { changes: StageChange[]; unchanged: number }) => Promise<void>;
  },
): Promise<{ changes: StageChange[]; unchanged: number }> {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const changes: StageChange[] = [];
  let unchanged = 0;
  const codes = rows
    .map((r) => normalizeCode(r.cells.code ?? ""))
    .filter((c): c is string => c !== undefined);
  const found = await stageProposalsByCodes(db, codes);
  const byCode = new Map(found.map((p) => [p.code, p]));
  for (const { row, cells } of rows) {
    const code = normalizeCode(cells.code ?? "");
    const p = code ? byCode.get(code) : undefined;
    if (!p) {
      errors.push({
        row,
        column: "code",
        reason: cells.code ? `unknown proposal code "${cells.code}"` : "code is empty",
      });
      continue;
    }
    const dup = seen.get(p.code);
    if (dup !== undefined) {
      errors.push({ row, column: "code", reason: `${p.code} already appears in row ${dup}` });
      continue;
    }
    seen.set(p.code, row);
    const template = await templateOf(p.competitionId);
    const stage = template ? findStage(template, cells.stage ?? "") : undefined;
    if (!template || !stage) {
      const keys = template?.stages.map((s) => s.key).join(", ") ?? "";
      errors.push({ row, column: "stage", reason: `unknown stage "${cells.stage ?? ""}" (stages: ${keys})` });
      continue;
    }
    if (stage.key === p.stage) {
      unchanged++;
      continue;
    }
    if (stageIndex(template, stage.key) < stageIndex(template, p.stage) && !opts.force) {
      errors.push({
        row,
        column: "stage",
        reason: `${p.code} is at ${p.stage}; going back to ${stage.key} needs --force`,
      });
      continue;
    }
    changes.push({
      proposalId: p.id,
      code: p.code,
      title: p.title,
      unitId: p.unitId,
      competitionId: p.competitionId,
      from: p.stage,
      to: stage.key,
      note: cells.note ?? "",
      announced: stage.announced,
    });
  }
  if (errors.length) throw new TableImportError(`${errors.length} bad row(s); nothing was changed`, errors);
  await opts.beforeApply?.({ changes, unchanged });
  await db.$transaction(
    async (tx) => {
      for (const c of changes) await recordChange(tx, c, opts.actor, opts.force === true);
      await recordAudit(tx, {
        actorId: opts.actor.actorId,
        action: "stage.import",
        subject: "",
        details: { changed: changes.length, unchanged, via: opts.actor.via },
      });
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  return { changes, unchanged };
}

/**
 * Queues a message to the members of the proposal's unit about an announced stage (through the
 * outbox); returns how many will be told.
 */
export async function notifyStageChange(
  notifier: Notifier,
  templateOf: TemplateOf,
  c: StageChange,
  actorId?: string,
): Promise<number> {
  if (!c.announced) return 0;
  const template = await templateOf(c.competitionId);
  const label = template?.stages.find((s) => s.key === c.to)?.label ?? { id: c.to, en: c.to };
  const r = await notifier.notify({
    competitionId: c.competitionId,
    proposalIds: [c.proposalId],
    text: (locale) => statusTexts(locale).stageChanged(c.code, c.title, label[locale], c.note),
    summary: `stage ${c.to}: ${c.code}`,
    actorId,
  });
  return r.queued;
}
