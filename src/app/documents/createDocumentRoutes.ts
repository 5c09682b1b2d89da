import { z } from "zod";
import { documentTexts } from "../../core/i18n/documentTexts.ts";
import { pipelineTexts } from "../../core/i18n/pipelineTexts.ts";
import { importFailureTexts } from "../../core/importing/importTexts.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import {
  dropPendingImport,
  pendingImportOf,
  takePendingImport,
  updatePendingImport,
} from "../../db/queries/pendingUploads.ts";
import { memberProposal } from "../../db/queries/proposals.ts";
import { MAX_FILE_BYTES } from "../../docs/extractText.ts";
import type { Logger } from "../../logger.ts";
import { activeProposal } from "../activeProposal.ts";
import type { CompetitionCache } from "../competitionCache.ts";
import { exportProposal } from "../importing/exportProposal.ts";
import { applyImport, assignUnmatched } from "../importing/importProposalDocument.ts";
import { Composer, type Middleware } from "../pipeline/Composer.ts";
import { importSummary, offerImport, previewJson } from "./offerImport.ts";

const previewSchema = z.object({
  sections: z.array(z.object({ key: z.string(), text: z.string(), heading: z.string() })),
  unmatched: z.array(z.string()),
});

/**
 * "Bring your own draft" in chat: a DOCX/PDF/TXT sent to the bot is split into sections and
 * shown for confirmation (kept in PendingImport across turns), then saved as new revisions;
 * /ekspor sends the proposal back as a Word document or as text for SINOVIK.
 */
export function createDocumentRoutes(deps: {
  db: Db;
  competitions: CompetitionCache;
  logger: Logger;
}): Composer {
  const { db } = deps;

  async function templateOf(competitionId: string): Promise<Template | undefined> {
    return (await deps.competitions.all()).find((c) => c.id === competitionId)?.template;
  }

  const onDocument: Middleware = async ({ msg, contact }) => {
    const att = msg.attachment;
    if (att?.kind !== "document") return [];
    const L = contact.locale;
    const active = await activeProposal(db, contact.id);
    const template = active && (await templateOf(active.competitionId));
    if (!active || !template) return [{ text: [documentTexts(L).needProposal] }];
    if ((att.size ?? 0) > MAX_FILE_BYTES) return [{ text: [importFailureTexts(L).too_large] }];
    let bytes: Uint8Array;
    try {
      if (!att.fetch) throw new Error("no fetch");
      bytes = await att.fetch();
    } catch (err) {
      deps.logger.warn({ err, channel: msg.channel, messageId: msg.messageId }, "document download failed");
      return [{ text: [documentTexts(L).fetchFailed] }];
    }
    return offerImport(db, {
      contactId: contact.id,
      proposalId: active.id,
      template,
      locale: L,
      bytes,
      fileName: att.fileName ?? "dokumen",
      mimeType: att.mimeType,
    });
  };

  const onPending: Middleware = async ({ msg, contact }, next) => {
    const choice = msg.choice ?? "";
    const text = msg.text?.trim().toLowerCase() ?? "";
    const L = contact.locale;
    const pending = await pendingImportOf(db, contact.id);
    if (!pending) return choice.startsWith("imp:") ? [{ text: [documentTexts(L).cancelled] }] : next();
    const parsed = previewSchema.safeParse(pending.preview);
    const proposal = await memberProposal(db, pending.proposalId, contact.id);
    const template = proposal && (await templateOf(proposal.competitionId));
    if (!parsed.success || !template || choice === "imp:cancel" || text === "batal" || text === "cancel") {
      await dropPendingImport(db, contact.id);
      return [{ text: [documentTexts(L).cancelled] }];
    }
    const preview = parsed.data;
    const assign = /^imp:assign:(\d+)$/.exec(choice);
    if (assign) {
      const i = Number(assign[1]);
      return [
        {
          text: [documentTexts(L).chooseSection(i + 1)],
          choices: template.sections.map((s) => ({ id: `imp:to:${i}:${s.key}`, label: s.title[L] })),
        },
      ];
    }
    const to = /^imp:to:(\d+):([a-z0-9_]+)$/.exec(choice);
    if (to) {
      const next = assignUnmatched(preview, Number(to[1]), to[2]!);
      await updatePendingImport(db, contact.id, previewJson(next));
      return [importSummary(template, next, pending.fileName, L)];
    }
    // Single use: only the press that removes the pending preview saves it (a second press, a
    // repeat or a concurrent one finds nothing to save).
    if (!(await takePendingImport(db, contact.id, pending.createdAt)))
      return [{ text: [pipelineTexts(L).confirmationUsed] }];
    const report = await applyImport(
      db,
      { proposalId: pending.proposalId, contactId: contact.id, template, fileName: pending.fileName },
      preview,
    );
    return [{ text: [documentTexts(L).saved(report.saved.length, report.readiness)] }];
  };

  const onExport: Middleware = async ({ contact, command }) => {
    const L = contact.locale;
    const active = await activeProposal(db, contact.id);
    if (!active) return [{ text: [documentTexts(L).noProposalToExport] }];
    const asText = /^(teks|text|txt)$/i.test(command?.args[0] ?? "");
    const r = await exportProposal(db, { code: active.code, format: asText ? "txt" : "docx", locale: L });
    if (!r.ok) return [{ text: [documentTexts(L).noProposalToExport] }];
    return [
      {
        text: [(asText ? documentTexts(L).exportedText : documentTexts(L).exported)(active.code)],
        document: r.document,
      },
    ];
  };

  const pendingWords = /^(simpan|save|batal|cancel)$/;
  return new Composer()
    .filter(({ msg }) => msg.attachment?.kind === "document", onDocument)
    .filter(
      ({ msg }) =>
        msg.choice?.startsWith("imp:") === true || pendingWords.test(msg.text?.trim().toLowerCase() ?? ""),
      onPending,
    )
    .command("ekspor", onExport);
}
