import {
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isJidStatusBroadcast,
  type MessageUpsertType,
  normalizeMessageContent,
  type proto,
  type WAMessage,
} from "@whiskeysockets/baileys";
import type { AttachmentKind } from "../../core/messages.ts";

/** What a WhatsApp message says, before identity and choices are worked out. */
export interface InboundContent {
  text?: string;
  replyToMessageId?: string;
  media?: {
    kind: AttachmentKind;
    fileName?: string;
    mimeType?: string;
    size?: number;
    downloadable: boolean;
  };
}

/** Offline replay older than this is not answered any more (the user has moved on). */
export const APPEND_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Why an upserted message is not for the bot, or undefined when it is. "notify" is live traffic.
 * "append" is handled too when it is someone else's message younger than a day: Baileys 7 tags
 * the messages WhatsApp queued while this device was offline "append" (messages-recv: `offline
 * ? 'append' : 'notify'`); its other "append" sources are our own echoes and stub notifications,
 * which the fromMe and no-content rules drop. History sync never arrives here.
 */
export function ignoreReason(
  msg: WAMessage,
  type: MessageUpsertType,
  options: { allowGroups: boolean; now: number },
): string | undefined {
  const jid = msg.key.remoteJid;
  if (!jid || !msg.key.id) return "no key";
  if (msg.key.fromMe) return "from me";
  if (isJidStatusBroadcast(jid)) return "status";
  if (isJidBroadcast(jid)) return "broadcast list";
  if (isJidNewsletter(jid)) return "newsletter";
  if (isJidGroup(jid) && !options.allowGroups) return "group";
  if (!msg.message) return "no content";
  if (type === "append") {
    const sentAt = toNumber(msg.messageTimestamp) * 1000;
    if (!sentAt || sentAt < options.now - APPEND_MAX_AGE_MS) return "old append";
  } else if (type !== "notify") {
    return `upsert type ${type}`;
  }
  return undefined;
}

/** Text, quoted message and media of a message; undefined for reactions, protocol and unknown kinds. */
export function readWAMessage(msg: WAMessage): InboundContent | undefined {
  const content = normalizeMessageContent(msg.message);
  if (!content || content.reactionMessage || content.protocolMessage) return undefined;

  const ext = content.extendedTextMessage;
  const media = readMedia(content);
  const text = content.conversation || ext?.text || media?.caption || undefined;
  if (!text && !media) return undefined;

  const context = ext?.contextInfo ?? media?.contextInfo;
  const out: InboundContent = {};
  if (text) out.text = text;
  if (context?.stanzaId) out.replyToMessageId = context.stanzaId;
  if (media) out.media = media.info;
  return out;
}

interface MediaRead {
  info: NonNullable<InboundContent["media"]>;
  caption?: string | null;
  contextInfo?: proto.IContextInfo | null;
}

function readMedia(content: proto.IMessage): MediaRead | undefined {
  const file = (
    kind: AttachmentKind,
    m:
      | proto.Message.IDocumentMessage
      | proto.Message.IImageMessage
      | proto.Message.IVideoMessage
      | proto.Message.IAudioMessage
      | proto.Message.IStickerMessage,
  ): MediaRead => {
    const info: MediaRead["info"] = { kind, downloadable: true };
    if ("fileName" in m && m.fileName) info.fileName = m.fileName;
    if (m.mimetype) info.mimeType = m.mimetype;
    const size = toNumber(m.fileLength);
    if (size) info.size = size;
    return { info, caption: "caption" in m ? m.caption : undefined, contextInfo: m.contextInfo };
  };
  if (content.documentMessage) return file("document", content.documentMessage);
  if (content.imageMessage) return file("image", content.imageMessage);
  if (content.videoMessage) return file("video", content.videoMessage);
  if (content.ptvMessage) return file("video", content.ptvMessage);
  if (content.audioMessage) return file("audio", content.audioMessage);
  if (content.stickerMessage) return file("sticker", content.stickerMessage);
  const location = content.locationMessage ?? content.liveLocationMessage;
  if (location) return { info: { kind: "location", downloadable: false }, contextInfo: location.contextInfo };
  const other = content.contactMessage ?? content.contactsArrayMessage;
  if (other) return { info: { kind: "other", downloadable: false }, contextInfo: other.contextInfo };
  const poll = content.pollCreationMessage ?? content.pollCreationMessageV2 ?? content.pollCreationMessageV3;
  if (poll) return { info: { kind: "other", downloadable: false }, contextInfo: poll.contextInfo };
  return undefined;
}

/** protobuf numbers arrive as number or Long. */
export function toNumber(value: number | { toNumber(): number } | null | undefined): number {
  if (typeof value === "number") return value;
  return value ? value.toNumber() : 0;
}
