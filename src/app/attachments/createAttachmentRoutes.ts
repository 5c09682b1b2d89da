import { createHash } from "node:crypto";
import { looksLikeSk } from "../../core/attachments/looksLikeSk.ts";
import { countWords } from "../../core/completeness/countWords.ts";
import { attachmentTexts } from "../../core/i18n/attachmentTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import { importFailureTexts } from "../../core/importing/importTexts.ts";
import { splitIntoSections } from "../../core/importing/splitIntoSections.ts";
import type { Choice, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { type AttachmentKind, addAttachment } from "../../db/queries/attachments.ts";
import {
  dropPendingImport,
  dropPendingUpload,
  holdUpload,
  type PendingUploadRow,
  pendingUpload,
} from "../../db/queries/pendingUploads.ts";
import { memberProposal } from "../../db/queries/proposals.ts";
import { sniffFileType } from "../../docs/detectFileType.ts";
import { extractText, MAX_FILE_BYTES } from "../../docs/extractText.ts";
import type { Logger } from "../../logger.ts";
import { activeProposal } from "../activeProposal.ts";
import type { CompetitionCache } from "../competitionCache.ts";
import { offerImport } from "../documents/offerImport.ts";
import { Composer, type Middleware } from "../pipeline/Composer.ts";
import type { ContactView } from "../resolveContact.ts";

/** A file the engine cannot read as text and the person did not ask to import. */
const UNREADABLE = new Set(["corrupt", "unsupported_type", "encrypted"]);

/**
 * A file sent in chat (document or photo), held (one per contact) until its purpose is known. A
 * document with the proposal's section headings that does not look like a decree is a draft: the
 * import preview as before, with a way out ("not a draft"). Anything else (photos, scans, files
 * without headings, decrees) is asked about: the SK Tim Inovator, a supporting document of the
 * section being written (or another), another attachment, or, when it has text, a draft to import.
 * The answer stores it with the proposal (ProposalAttachment).
 */
export function createAttachmentRoutes(deps: {
  db: Db;
  competitions: CompetitionCache;
  logger: Logger;
}): Composer {
  const { db } = deps;
  const templateOf = async (competitionId: string): Promise<Template | undefined> =>
    (await deps.competitions.all()).find((c) => c.id === competitionId)?.template;

  const onFile: Middleware = async ({ msg, contact }, next) => {
    const att = msg.attachment;
    if (att?.kind !== "document" && att?.kind !== "image") return next();
    const L = contact.locale;
    const t = attachmentTexts(L);
    // Too large is said from the announced size first, before anything is downloaded.
    if ((att.size ?? 0) > MAX_FILE_BYTES) return say(importFailureTexts(L).too_large);
    const active = await activeProposal(db, contact.id);
    const template = active && (await templateOf(active.competitionId));
    if (!active || !template) return say(t.needProposal);
    const bytes = await download(msg, deps.logger);
    if (!bytes) return say(t.fetchFailed);
    if (bytes.byteLength > MAX_FILE_BYTES) return say(importFailureTexts(L).too_large);
    const sniffed = sniffFileType(bytes);
    const fileName = att.fileName ?? (sniffed.kind === "image" ? "foto.jpg" : "dokumen");
    const notes: string[] = [];
    let importable = false;
    let draftLike = false;
    let skLike = looksLikeSk(fileName);
    if (att.kind === "document" && sniffed.kind !== "image") {
      const text = await extractText(bytes, fileName, att.mimeType);
      if (text.ok) {
        skLike ||= looksLikeSk(fileName, text.text);
        importable = countWords(text.text) > 0;
        draftLike = !skLike && splitIntoSections(template, text.text).sections.length > 0;
      } else if (UNREADABLE.has(text.reason)) {
        return say(importFailureTexts(L)[text.reason]);
      } else if (text.reason === "image_only") {
        notes.push(t.scanned);
      }
    }
    const sectionKey =
      active.sectionKey && template.sections.some((s) => s.key === active.sectionKey)
        ? active.sectionKey
        : null;
    await holdUpload(db, {
      contactId: contact.id,
      proposalId: active.id,
      fileName,
      mime: att.mimeType ?? mimeOf(sniffed.kind),
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes,
      sectionKey,
      importable,
    });
    // A file with the proposal's section headings is a draft, as it always was; the preview
    // offers the other way out in case it is a supporting document that shares a heading.
    if (draftLike) {
      const offer = await offerImport(db, {
        contactId: contact.id,
        proposalId: active.id,
        template,
        locale: L,
        bytes,
        fileName,
        mimeType: att.mimeType,
      });
      return offer.map((m) =>
        m.choices ? { ...m, choices: [...m.choices, { id: "att:ask", label: t.btnNotDraft }] } : m,
      );
    }
    if (skLike) notes.unshift(t.looksLikeSk);
    const question = (importable ? t.ask : t.askNoDraft)(fileName, active.code);
    return [
      {
        text: [[question, ...notes].join("\n")],
        choices: purposeChoices(template, sectionKey, importable, L),
      },
    ];
  };

  const onAnswer: Middleware = async ({ msg, contact }) => {
    const choice = msg.choice ?? "";
    const L = contact.locale;
    const t = attachmentTexts(L);
    const pending = await pendingUpload(db, contact.id);
    const proposal = pending && (await memberProposal(db, pending.proposalId, contact.id));
    const template = proposal && (await templateOf(proposal.competitionId));
    if (!pending || !proposal || !template) {
      if (pending) await dropPendingUpload(db, contact.id);
      return say(t.expired);
    }
    const section = (key: string) => template.sections.find((s) => s.key === key);
    if (choice === "att:cancel") {
      await dropPendingUpload(db, contact.id);
      return say(t.cancelled);
    }
    if (choice === "att:ask")
      return [
        {
          text: [(pending.importable ? t.ask : t.askNoDraft)(pending.fileName, proposal.code)],
          choices: purposeChoices(template, pending.sectionKey, pending.importable, L),
        },
      ];
    if (choice === "att:sec")
      return [
        {
          text: [t.chooseSection],
          choices: template.sections.map((s) => ({ id: `att:sup:${s.key}`, label: s.title[L] })),
        },
      ];
    if (choice === "att:imp" && pending.importable) {
      await dropPendingUpload(db, contact.id);
      return offerImport(db, {
        contactId: contact.id,
        proposalId: proposal.id,
        template,
        locale: L,
        bytes: pending.bytes,
        fileName: pending.fileName,
        mimeType: pending.mime,
      });
    }
    const sup = /^att:sup:([a-z0-9_]+)$/.exec(choice);
    const kind: AttachmentKind | undefined =
      choice === "att:sk"
        ? "sk"
        : choice === "att:other"
          ? "other"
          : sup && section(sup[1]!)
            ? "supporting"
            : undefined;
    if (!kind) return say(t.expired);
    const sectionKey = kind === "supporting" ? sup![1]! : null;
    return store(contact, pending, { kind, sectionKey, code: proposal.code }, template, L);
  };

  async function store(
    contact: ContactView,
    p: PendingUploadRow,
    a: { kind: AttachmentKind; sectionKey: string | null; code: string },
    template: Template,
    L: Locale,
  ): Promise<OutgoingMessage[]> {
    const r = await addAttachment(db, {
      proposalId: p.proposalId,
      kind: a.kind,
      sectionKey: a.sectionKey,
      fileName: p.fileName,
      mime: p.mime,
      bytes: p.bytes,
      sha256: p.sha256,
      uploadedById: contact.id,
    });
    await dropPendingUpload(db, contact.id);
    // Attached instead of imported: the draft preview shown for the same file is void.
    await dropPendingImport(db, contact.id);
    const t = attachmentTexts(L);
    if (!r.created) return say(t.already(p.fileName));
    if (a.kind === "sk") return say(t.savedSk(p.fileName, a.code));
    if (a.kind === "other") return say(t.savedOther(p.fileName, a.code));
    const section = template.sections.find((s) => s.key === a.sectionKey)?.title[L] ?? "";
    return say(t.savedSupporting(p.fileName, section, a.code));
  }

  return new Composer().choice("att:", onAnswer).use(onFile);
}

function purposeChoices(
  template: Template,
  sectionKey: string | null,
  importable: boolean,
  L: Locale,
): Choice[] {
  const t = attachmentTexts(L);
  const choices: Choice[] = [{ id: "att:sk", label: t.btnSk }];
  const open = template.sections.find((s) => s.key === sectionKey);
  if (open) choices.push({ id: `att:sup:${open.key}`, label: t.btnSupporting(open.title[L]) });
  choices.push({ id: "att:sec", label: t.btnOtherSection });
  if (importable) choices.push({ id: "att:imp", label: t.btnDraft });
  choices.push({ id: "att:other", label: t.btnOther });
  choices.push({ id: "att:cancel", label: t.btnCancel });
  return choices;
}

async function download(msg: IncomingMessage, logger: Logger): Promise<Uint8Array | undefined> {
  try {
    if (!msg.attachment?.fetch) throw new Error("no fetch");
    return await msg.attachment.fetch();
  } catch (err) {
    logger.warn({ err, channel: msg.channel, messageId: msg.messageId }, "attachment download failed");
    return undefined;
  }
}

function mimeOf(kind: string): string {
  if (kind === "pdf") return "application/pdf";
  if (kind === "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (kind === "image") return "image/jpeg";
  if (kind === "text") return "text/plain";
  return "application/octet-stream";
}

function say(text: string): OutgoingMessage[] {
  return [{ text: [text] }];
}
