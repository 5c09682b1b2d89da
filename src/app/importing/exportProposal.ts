import type { Locale } from "../../core/i18n/locale.ts";
import type { OutgoingDocument } from "../../core/messages.ts";
import { type Template, templateSchema } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { aiLogOfProposals, exportRows } from "../../db/queries/proposalExport.ts";
import { proposalIdByCode } from "../../db/queries/proposals.ts";
import type { ExportInput } from "../../docs/exportProposal.ts";

export type ExportFormat = "docx" | "txt";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The data an export needs, read from the database by proposal code. */
export interface ProposalExportData {
  proposalId: string;
  stage: string;
  readiness: number;
  input: Omit<ExportInput, "locale">;
}

/**
 * Exports one proposal, found by its code, as a Word document or as plain text for SINOVIK.
 * The AI-use log comes from the AiSuggestion table.
 */
export async function exportProposal(
  db: Db,
  opts: { code: string; format: ExportFormat; locale: Locale },
): Promise<{ ok: true; document: OutgoingDocument } | { ok: false; reason: "proposal_not_found" }> {
  const data = await loadProposalForExport(db, opts.code);
  if (!data) return { ok: false, reason: "proposal_not_found" };
  return { ok: true, document: await renderExport(data, opts.format, opts.locale) };
}

/** Renders loaded data in a format; the file is named after the proposal code. */
export async function renderExport(
  data: ProposalExportData,
  format: ExportFormat,
  locale: Locale,
): Promise<OutgoingDocument> {
  // The DOCX library (and the renderer) load on the first export, not at start-up (issue 18).
  const { exportProposalDocx, exportProposalText } = await import("../../docs/exportProposal.ts");
  const input = { ...data.input, locale };
  const base = exportFileName(data.input.proposal.code, data.input.proposal.title);
  if (format === "txt")
    return {
      fileName: `${base}.txt`,
      mimeType: "text/plain; charset=utf-8",
      data: new TextEncoder().encode(exportProposalText(input)),
    };
  return { fileName: `${base}.docx`, mimeType: DOCX_MIME, data: await exportProposalDocx(input) };
}

export async function loadProposalForExport(db: Db, code: string): Promise<ProposalExportData | undefined> {
  const p = await proposalIdByCode(db, code);
  return p ? (await loadProposalsForExport(db, [p.id]))[0] : undefined;
}

/** Loads several proposals with their drafts, unit, competition template and AI log. */
export async function loadProposalsForExport(db: Db, ids: string[]): Promise<ProposalExportData[]> {
  const rows = await exportRows(db, ids);
  const log = await aiLogOfProposals(db, ids);
  const templates = new Map<string, Template>();
  return rows.map((r) => {
    let template = templates.get(r.competition.id);
    if (!template) {
      template = templateSchema.parse(r.competition.template);
      templates.set(r.competition.id, template);
    }
    return {
      proposalId: r.id,
      stage: r.stage,
      readiness: r.readiness,
      input: {
        template,
        proposal: {
          code: r.code,
          title: r.title,
          unitName: r.unit.instansi ? `${r.unit.name}, ${r.unit.instansi}` : r.unit.name,
          competitionName: r.competition.name,
        },
        texts: Object.fromEntries(r.sections.map((s) => [s.sectionKey, s.text])),
        videoUrl: r.videoUrl,
        attachments: r.attachments.map((a) => ({
          ...a,
          kind: a.kind === "sk" || a.kind === "supporting" ? a.kind : ("other" as const),
        })),
        aiLog: log
          .filter((e) => e.proposalId === r.id)
          .map((e) => ({
            ...(e.sectionKey ? { sectionKey: e.sectionKey } : {}),
            suggestion: e.suggestion,
            createdAt: e.createdAt,
          })),
      },
    };
  });
}

/** "KP-7Q2M-jemput-bola-ktp-el": the code first (unique), then a readable slug of the title. */
export function exportFileName(code: string, title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const w of words) {
    if (slug && slug.length + 1 + w.length > 48) break;
    slug = slug ? `${slug}-${w}` : w.slice(0, 48);
  }
  return slug ? `${code}-${slug}` : code;
}
