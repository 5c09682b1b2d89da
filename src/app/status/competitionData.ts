import { KlinikError } from "../../core/errors.ts";
import type { Localized } from "../../core/templates/baseSchemas.ts";
import type { Stage } from "../../core/templates/stageSchema.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import { templateSchema } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import {
  type CompetitionRow,
  competitionRowById,
  competitionRowBySlug,
} from "../../db/queries/competitions.ts";

/** An operator-facing problem (unknown competition, code or stage): one line, exit code 1. */
export class StatusError extends KlinikError {
  override readonly name = "StatusError";
}

export interface CompetitionData {
  id: string;
  slug: string;
  name: string;
  template: Template;
  timeline: Record<string, unknown>;
  timezone: string;
}

function parse(row: CompetitionRow): CompetitionData {
  const timeline =
    row.timeline && typeof row.timeline === "object" ? (row.timeline as Record<string, unknown>) : {};
  return { ...row, template: templateSchema.parse(row.template), timeline };
}

export async function competitionBySlug(db: Db, slug: string | undefined): Promise<CompetitionData> {
  if (!slug) throw new StatusError("--competition <slug> is required (see: klinik competition list)");
  const row = await competitionRowBySlug(db, slug);
  if (!row) throw new StatusError(`unknown competition "${slug}" (see: klinik competition list)`);
  return parse(row);
}

export async function competitionById(db: Db, id: string): Promise<CompetitionData | undefined> {
  const row = await competitionRowById(db, id);
  return row ? parse(row) : undefined;
}

/** A stage named by key, label (either language) or 1-based position. */
export function findStage(template: Template, input: string): Stage | undefined {
  const s = input.trim().toLowerCase();
  if (/^\d+$/.test(s)) return template.stages[Number(s) - 1];
  return template.stages.find(
    (x) => x.key === s || x.label.id.toLowerCase() === s || x.label.en.toLowerCase() === s,
  );
}

export function stageIndex(template: Template, key: string): number {
  return template.stages.findIndex((s) => s.key === key);
}

export function stageLabel(template: Template, key: string): Localized {
  return template.stages.find((s) => s.key === key)?.label ?? { id: key, en: key };
}

/** "KP-7q2m", "kp 7Q2M", "7Q2M" → "KP-7Q2M"; undefined when it cannot be a code. */
export function normalizeCode(raw: string): string | undefined {
  // Typed from paper or read aloud: spaces and dashes inside the code are allowed.
  const s = raw
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "");
  const m = /^(?:KP)?([A-Z0-9]{4}|[A-Z0-9]{10})$/.exec(s);
  return m ? `KP-${m[1]}` : undefined;
}
