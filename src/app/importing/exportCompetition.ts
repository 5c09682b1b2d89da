import { checkProposal } from "../../core/completeness/checkProposal.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { OutgoingDocument } from "../../core/messages.ts";
import { type Template, templateSchema } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { competitionForExport } from "../../db/queries/competitions.ts";
import { type CsvCell, formulaSafeCsv } from "../exporting/formulaSafeCsv.ts";
import { loadProposalsForExport, type ProposalExportData, renderExport } from "./exportProposal.ts";

const BATCH = 50;

export type BulkFormat = "docx" | "csv";

/**
 * For the secretariat: every proposal of a competition (by slug), either one DOCX each or one
 * CSV overview (code, unit, title, stage, readiness, then words and mark per section). Proposals
 * are loaded in batches, so a competition with thousands of proposals never sits in memory whole.
 */
export async function exportCompetition(
  db: Db,
  opts: { competition: string; format: BulkFormat; locale: Locale },
): Promise<
  | { ok: false; reason: "competition_not_found" }
  | { ok: true; count: number; documents: AsyncIterable<OutgoingDocument> }
> {
  const competition = await competitionForExport(db, opts.competition);
  if (!competition) return { ok: false, reason: "competition_not_found" };
  const ids = competition.proposalIds;
  const template = templateSchema.parse(competition.template);

  async function* batches(): AsyncGenerator<ProposalExportData[]> {
    for (let i = 0; i < ids.length; i += BATCH) yield loadProposalsForExport(db, ids.slice(i, i + BATCH));
  }

  if (opts.format === "csv") {
    async function* one(): AsyncGenerator<OutgoingDocument> {
      const rows: CsvCell[][] = [];
      for await (const batch of batches()) for (const p of batch) rows.push(csvRow(p));
      const text = formulaSafeCsv(csvHeader(template), rows);
      yield {
        fileName: `${competition!.slug}-proposals.csv`,
        mimeType: "text/csv; charset=utf-8",
        data: new TextEncoder().encode(text),
      };
    }
    return { ok: true, count: ids.length, documents: one() };
  }
  async function* each(): AsyncGenerator<OutgoingDocument> {
    for await (const batch of batches()) for (const p of batch) yield renderExport(p, "docx", opts.locale);
  }
  return { ok: true, count: ids.length, documents: each() };
}

function csvHeader(template: Template): string[] {
  const cols = ["code", "unit", "title", "stage", "readiness"];
  for (const s of template.sections) cols.push(`${s.key}_words`, `${s.key}_mark`);
  cols.push("sk", "attachments", "video");
  return cols;
}

function csvRow(p: ProposalExportData): CsvCell[] {
  const { template, proposal, texts } = p.input;
  // The rule check of the stored texts, so the CSV and the exported DOCX always agree.
  const check = checkProposal(template, texts);
  const cells: CsvCell[] = [proposal.code, proposal.unitName, proposal.title, p.stage, check.readiness];
  for (const c of check.sections) cells.push(c.words, c.mark);
  const files = p.input.attachments ?? [];
  cells.push(files.some((f) => f.kind === "sk") ? "yes" : "no", files.length, p.input.videoUrl ?? "");
  return cells;
}
