import { documentTexts } from "../../core/i18n/documentTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import { importFailureTexts, renderImportSummary } from "../../core/importing/importTexts.ts";
import type { SplitResult } from "../../core/importing/splitIntoSections.ts";
import type { Choice, OutgoingMessage } from "../../core/messages.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { holdImport } from "../../db/queries/pendingUploads.ts";
import { importProposalDocument } from "../importing/importProposalDocument.ts";

/**
 * Reads a draft document into the template's sections and shows the preview for confirmation
 * (kept in PendingImport across turns). Used for a file sent in chat and for a file the person
 * said is a draft when asked what it was.
 */
export async function offerImport(
  db: Db,
  a: {
    contactId: string;
    proposalId: string;
    template: Template;
    locale: Locale;
    bytes: Uint8Array;
    fileName: string;
    mimeType?: string;
  },
): Promise<OutgoingMessage[]> {
  const L = a.locale;
  const r = await importProposalDocument(db, {
    proposalId: a.proposalId,
    contactId: a.contactId,
    template: a.template,
    bytes: a.bytes,
    fileName: a.fileName,
    mimeType: a.mimeType,
  });
  if (!r.ok) return [{ text: [importFailureTexts(L)[r.reason]] }];
  if (r.preview.sections.length === 0 && r.preview.unmatched.length === 0)
    return [{ text: [documentTexts(L).nothingFound] }];
  const preview = previewJson(r.preview);
  await holdImport(db, { contactId: a.contactId, proposalId: a.proposalId, fileName: a.fileName, preview });
  return [importSummary(a.template, r.preview, a.fileName, L)];
}

/** The preview with its save / assign / cancel choices. */
export function importSummary(
  template: Template,
  preview: SplitResult,
  fileName: string,
  L: Locale,
): OutgoingMessage {
  const choices: Choice[] = [];
  if (preview.sections.length > 0 || preview.unmatched.length > 0)
    choices.push({ id: "imp:save", label: documentTexts(L).save });
  const assignable = Math.min(preview.unmatched.length, 5);
  for (let i = 0; i < assignable; i++)
    choices.push({ id: `imp:assign:${i}`, label: documentTexts(L).assign(i + 1) });
  choices.push({ id: "imp:cancel", label: documentTexts(L).cancel });
  const text = renderImportSummary(template, preview, L, { fileName, confirm: true });
  return { text, choices };
}

/** A split preview is plain JSON (strings and arrays of them). */
export function previewJson(p: SplitResult): {
  sections: { key: string; text: string; heading: string }[];
  unmatched: string[];
} {
  return {
    sections: p.sections.map((s) => ({ key: s.key, text: s.text, heading: s.heading })),
    unmatched: [...p.unmatched],
  };
}
