import type { Attachment, AttachmentKind, IncomingMessage } from "../../core/messages.ts";
import type { CloudMessage } from "./webhookSchema.ts";

/** Largest file the bot downloads (the same 10 MB as Telegram and the linked device). */
export const MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024;

export interface MediaFetcher {
  /** Size and URL first, so an oversized file is refused before any byte is downloaded. */
  fetch(mediaId: string, maxBytes: number): Promise<Uint8Array>;
}

/** The phone JID Klinik keys WhatsApp people by, the same on the linked device and the Cloud API. */
export function cloudJid(waId: string): string {
  return `${waId}@s.whatsapp.net`;
}

/**
 * One Cloud API message as the app's IncomingMessage: text, a tapped button or list row (its id
 * is the Choice id the bot sent), a template's quick reply, or a file that downloads on demand.
 */
export function toIncomingMessage(
  m: CloudMessage,
  profileName: string | undefined,
  media: MediaFetcher,
): IncomingMessage {
  const jid = cloudJid(m.from);
  const base: IncomingMessage = {
    channel: "whatsapp",
    chatId: jid,
    userId: jid,
    messageId: m.id,
    profile: { displayName: profileName, phone: `+${m.from}` },
    ...(m.context?.id ? { replyToMessageId: m.context.id } : {}),
  };
  switch (m.type) {
    case "text":
      return { ...base, text: m.text?.body ?? "" };
    case "interactive": {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      return reply ? { ...base, choice: reply.id } : base;
    }
    case "button":
      return { ...base, text: m.button?.text ?? m.button?.payload ?? "" };
    default: {
      const kind = attachmentKind(m.type);
      const file = m.document ?? m.image ?? m.audio ?? m.video ?? m.sticker;
      const attachment: Attachment = { kind };
      if (file) {
        attachment.mimeType = file.mime_type;
        attachment.fileName = file.filename;
        attachment.fetch = () => media.fetch(file.id, MAX_DOWNLOAD_BYTES);
      }
      return { ...base, attachment, ...(file?.caption ? { text: file.caption } : {}) };
    }
  }
}

function attachmentKind(type: string): AttachmentKind {
  if (type === "document" || type === "image" || type === "sticker" || type === "audio" || type === "video")
    return type;
  if (type === "location") return "location";
  return "other";
}
