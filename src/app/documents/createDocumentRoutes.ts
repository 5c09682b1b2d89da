import { z } from "zod";
import { importFailureMessages } from "../../core/importing/importTexts.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { MAX_FILE_BYTES } from "../../docs/extractText.ts";
import type { Logger } from "../../logger.ts";
import { activeProposal } from "../activeProposal.ts";
import type { CompetitionCache } from "../competitionCache.ts";
import type { AppRoute } from "../createMessageHandler.ts";
import { exportProposal } from "../importing/exportProposal.ts";
import { applyImport, assignUnmatched } from "../importing/importProposalDocument.ts";
import { documentText as dt } from "./documentTexts.ts";
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
}): AppRoute[] {
  const { db } = deps;

  async function templateOf(competitionId: string): Promise<Template | undefined> {
    return (await deps.competitions.all()).find((c) => c.id === competitionId)?.template;
  }

  const onDocument: AppRoute = async (msg, contact) => {
    const att = msg.attachment;
    if (att?.kind !== "document") return undefined;
    const L = contact.locale;
    const active = await activeProposal(db, contact.id);
    const template = active && (await templateOf(active.competitionId));
    if (!active || !template) return [{ text: [dt("needProposal", L)] }];
    if ((att.size ?? 0) > MAX_FILE_BYTES) return [{ text: [importFailureMessages.too_large[L]] }];
    let bytes: Uint8Array;
    try {
      if (!att.fetch) throw new Error("no fetch");
      bytes = await att.fetch();
    } catch (err) {
      deps.logger.warn({ err, channel: msg.channel, messageId: msg.messageId }, "document download failed");
      return [{ text: [dt("fetchFailed", L)] }];
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

  const onPending: AppRoute = async (msg, contact) => {
    const choice = msg.choice ?? "";
    const text = msg.text?.trim().toLowerCase() ?? "";
    const mine = choice.startsWith("imp:") || /^(simpan|save|batal|cancel)$/.test(text);
    if (!mine) return undefined;
    const L = contact.locale;
    const pending = await db.pendingImport.findUnique({ where: { contactId: contact.id } });
    if (!pending) return choice.startsWith("imp:") ? [{ text: [dt("cancelled", L)] }] : undefined;
    const parsed = previewSchema.safeParse(pending.preview);
    const proposal = await db.proposal.findFirst({
      where: { id: pending.proposalId, unit: { memberships: { some: { contactId: contact.id } } } },
      select: { competitionId: true },
    });
    const template = proposal && (await templateOf(proposal.competitionId));
    if (!parsed.success || !template || choice === "imp:cancel" || text === "batal" || text === "cancel") {
      await db.pendingImport.delete({ where: { contactId: contact.id } });
      return [{ text: [dt("cancelled", L)] }];
    }
    const preview = parsed.data;
    const assign = /^imp:assign:(\d+)$/.exec(choice);
    if (assign) {
      const i = Number(assign[1]);
      return [
        {
          text: [dt("chooseSection", L, { n: i + 1 })],
          choices: template.sections.map((s) => ({ id: `imp:to:${i}:${s.key}`, label: s.title[L] })),
        },
      ];
    }
    const to = /^imp:to:(\d+):([a-z0-9_]+)$/.exec(choice);
    if (to) {
      const next = assignUnmatched(preview, Number(to[1]), to[2]!);
      await db.pendingImport.update({
        where: { contactId: contact.id },
        data: { preview: previewJson(next) },
      });
      return [importSummary(template, next, pending.fileName, L)];
    }
    const report = await applyImport(
      db,
      { proposalId: pending.proposalId, contactId: contact.id, template, fileName: pending.fileName },
      preview,
    );
    await db.pendingImport.delete({ where: { contactId: contact.id } });
    return [{ text: [dt("saved", L, { n: report.saved.length, r: report.readiness })] }];
  };

  const onExport: AppRoute = async (msg, contact) => {
    const m = /^\/ekspor(?:@\w+)?(?:\s+(\w+))?\s*$/i.exec(msg.text?.trim() ?? "");
    if (!m) return undefined;
    const L = contact.locale;
    const active = await activeProposal(db, contact.id);
    if (!active) return [{ text: [dt("noProposalToExport", L)] }];
    const asText = /^(teks|text|txt)$/i.test(m[1] ?? "");
    const r = await exportProposal(db, { code: active.code, format: asText ? "txt" : "docx", locale: L });
    if (!r.ok) return [{ text: [dt("noProposalToExport", L)] }];
    return [
      { text: [dt(asText ? "exportedText" : "exported", L, { code: active.code })], document: r.document },
    ];
  };

  return [onDocument, onPending, onExport];
}
