import { checkProposal, type ProposalCheck } from "../../core/completeness/checkProposal.ts";
import type { Mark } from "../../core/completeness/checkSection.ts";
import { countWords } from "../../core/completeness/countWords.ts";
import { KlinikError } from "../../core/errors.ts";
import type { ImportFailureReason } from "../../core/importing/importLimits.ts";
import { type SplitResult, splitIntoSections } from "../../core/importing/splitIntoSections.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { proposalExists } from "../../db/queries/proposals.ts";
import {
  saveSectionRevision,
  sectionDraftsOf,
  setReadiness,
  setSectionMark,
} from "../../db/queries/sections.ts";
import { extractIsolated } from "../../docs/extractInWorker.ts";

export { assignUnmatched } from "../../core/importing/assignUnmatched.ts";

export interface ImportDocumentInput {
  proposalId: string;
  /** Who sent the file (author of the new revisions); null for the operator CLI. */
  contactId: string | null;
  /** The proposal's competition template (its snapshot). */
  template: Template;
  bytes: Uint8Array;
  fileName: string;
  mimeType?: string;
}

/** What `apply` saved, and the completeness of the whole proposal afterwards. */
export interface ApplyReport {
  /** Sections that got a new revision, in template order. */
  saved: { sectionKey: string; words: number; mark: Mark }[];
  /** Sections whose imported text equals the current draft: no new revision. */
  unchanged: string[];
  readiness: number;
  /** The rule check of every section after the import. */
  check: ProposalCheck;
}

export type ImportDocumentResult =
  | { ok: false; reason: ImportFailureReason }
  | {
      ok: true;
      /** The sections found and the unmatched text, for the user to confirm. */
      preview: SplitResult;
      pages?: number;
      /**
       * Saves the sections of `preview` (default: the original one; pass the result of
       * assignUnmatched to include assigned chunks) as new "import" revisions, in one transaction.
       */
      apply(preview?: SplitResult): Promise<ApplyReport>;
    };

/** A preview that names sections the template does not have, or a proposal that disappeared. */
export class DocumentImportError extends KlinikError {
  override readonly name = "DocumentImportError";
}

const fail = (reason: ImportFailureReason): ImportDocumentResult => ({
  ok: false,
  reason,
});

/**
 * "Bring your own draft": reads an uploaded DOCX/PDF/TXT, cuts it into the template's sections
 * and returns a preview. Nothing is written until `apply` is called; a file that cannot be read
 * returns a reason (importFailureTexts says it politely) and changes nothing.
 */
export async function importProposalDocument(
  db: Db,
  input: ImportDocumentInput,
): Promise<ImportDocumentResult> {
  if (!(await proposalExists(db, input.proposalId))) return fail("proposal_not_found");
  const extracted = await extractIsolated(input.bytes, input.fileName, input.mimeType);
  if (!extracted.ok) return fail(extracted.reason);
  if (countWords(extracted.text) === 0) return fail("empty");
  const preview = splitIntoSections(input.template, extracted.text);
  return {
    ok: true,
    preview,
    ...(extracted.pages !== undefined && { pages: extracted.pages }),
    apply: (chosen = preview) => applyImport(db, input, chosen),
  };
}

/** Saves a confirmed preview (also one kept across chat turns); `bytes` are not needed here. */
export async function applyImport(
  db: Db,
  input: Omit<ImportDocumentInput, "bytes" | "mimeType">,
  preview: SplitResult,
): Promise<ApplyReport> {
  const { template, proposalId } = input;
  const known = new Set(template.sections.map((s) => s.key));
  const unknown = preview.sections.filter((s) => !known.has(s.key)).map((s) => s.key);
  if (unknown.length > 0)
    throw new DocumentImportError(`unknown section key(s): ${unknown.join(", ")}`, { unknown });

  return db.$transaction(async (tx) => {
    if (!(await proposalExists(tx, proposalId)))
      throw new DocumentImportError("proposal not found", { proposalId });
    const drafts = await sectionDraftsOf(tx, proposalId);
    const texts: Record<string, string> = Object.fromEntries(drafts.map((d) => [d.sectionKey, d.text]));
    const imported = new Map(preview.sections.filter((s) => s.text.trim()).map((s) => [s.key, s.text]));
    for (const [key, text] of imported) texts[key] = text;
    const check = checkProposal(template, texts);

    const saved: ApplyReport["saved"] = [];
    const unchanged: string[] = [];
    for (const c of check.sections) {
      const text = imported.get(c.sectionKey);
      const before = drafts.find((d) => d.sectionKey === c.sectionKey);
      if (text === undefined) {
        // Another section's text can change this one's mark (text pasted twice): keep marks true.
        if (before && before.mark !== c.mark) await setSectionMark(tx, proposalId, c.sectionKey, c.mark);
        continue;
      }
      if (before?.text === text) {
        unchanged.push(c.sectionKey);
        continue;
      }
      await saveSectionRevision(tx, {
        proposalId,
        sectionKey: c.sectionKey,
        text,
        mark: c.mark,
        authorId: input.contactId,
        source: "import",
      });
      saved.push({ sectionKey: c.sectionKey, words: c.words, mark: c.mark });
    }
    await setReadiness(tx, proposalId, check.readiness);
    await recordAudit(tx, {
      actorId: input.contactId,
      action: "proposal.import",
      subject: proposalId,
      details: { fileName: input.fileName, saved: saved.map((s) => s.sectionKey), unchanged },
    });
    return { saved, unchanged, readiness: check.readiness, check };
  });
}
