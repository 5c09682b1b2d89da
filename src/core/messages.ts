/**
 * Channel-agnostic message shapes. Channel adapters translate their SDK's updates into
 * IncomingMessage and render OutgoingMessage; core and app never see a channel SDK.
 */

export type ChannelName = "telegram" | "whatsapp" | "console";

/** A piece of rich text. Plain strings are always shown literally (renderers escape them). */
export type Span = string | { b: string } | { i: string } | { code: string };
export type RichText = Span[];

export interface Choice {
  /** Stable id sent back when chosen (button callback data, or matched from "1"/label). */
  id: string;
  label: string;
}

export type AttachmentKind = "document" | "image" | "sticker" | "audio" | "video" | "location" | "other";

export interface Attachment {
  kind: AttachmentKind;
  fileName?: string;
  mimeType?: string;
  /** Size in bytes when the channel tells it before download. */
  size?: number;
  /** Downloads the bytes; absent when the channel cannot fetch (or refused, e.g. too large). */
  fetch?: () => Promise<Uint8Array>;
}

export interface IncomingMessage {
  channel: ChannelName;
  /** Where replies go (Telegram chat id, WhatsApp JID, "console"). */
  chatId: string;
  /** The person's stable id on that channel (Telegram user id, WhatsApp LID or phone JID). */
  userId: string;
  /** Unique per channel; the same id handled twice has one effect. */
  messageId: string;
  text?: string;
  /** Id of a Choice the user pressed (Telegram callback data). Typed numbers arrive as text. */
  choice?: string;
  attachment?: Attachment;
  replyToMessageId?: string;
  /** A phone number the user shared about themselves (Telegram contact button). */
  sharedPhone?: string;
  profile?: { displayName?: string; username?: string; phone?: string; languageCode?: string };
  /** Other known ids of the same person (WhatsApp phone JID beside a LID). */
  aliases?: string[];
}

export interface OutgoingDocument {
  fileName: string;
  mimeType: string;
  data: Uint8Array;
}

export interface OutgoingMessage {
  text: RichText;
  choices?: Choice[];
  document?: OutgoingDocument;
  /** Offer a "share my phone number" button where the channel has one. */
  requestContact?: boolean;
  /**
   * Set on messages the bot starts itself (announcements, reminders, notifications). A channel
   * that may not start a conversation freely (WhatsApp Cloud API outside the 24-hour window)
   * sends the purpose's approved template instead, filled with `body`.
   */
  initiated?: {
    purpose: "announcement" | "reminder" | "notification";
    competitionId: string;
    competitionName: string;
    body: string;
  };
}

/**
 * Replies to one message. `followUp`, when present, resolves to messages that come later (LLM
 * advice after the instant rule check); adapters send them after the replies, in order.
 */
export type Replies = OutgoingMessage[] & { followUp?: Promise<OutgoingMessage[]> };

/** What an inbound adapter calls for every message; never throws (app catches). */
export type MessageHandler = (msg: IncomingMessage) => Promise<Replies>;

/** The follow-up messages of a handler's replies, or none. Never rejects. */
export async function followUpOf(replies: OutgoingMessage[]): Promise<OutgoingMessage[]> {
  const p = (replies as Replies).followUp;
  if (!p) return [];
  try {
    return await p;
  } catch {
    return [];
  }
}

/** Outbound side of a channel, used for notifications and broadcasts. */
export interface ChannelSender {
  readonly name: ChannelName;
  /** Sends one message; returns the platform's id of the (last) message sent. */
  send(chatId: string, msg: OutgoingMessage): Promise<{ messageId: string }>;
  /** Replaces a message sent earlier (progress reports); channels without edit send anew. */
  edit?(chatId: string, messageId: string, msg: OutgoingMessage): Promise<void>;
}

/** A platform refusal that retrying cannot fix (user blocked the bot, number not on WhatsApp). */
export class PermanentSendError extends Error {
  override readonly name = "PermanentSendError";
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A refusal that may pass later (rate limit, 5xx, network); retryAfterMs when the platform says. */
export class TransientSendError extends Error {
  override readonly name = "TransientSendError";
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Flattens rich text to plain text (console, logs, word counts of bot text). */
export function plainText(text: RichText): string {
  return text.map((s) => (typeof s === "string" ? s : "b" in s ? s.b : "i" in s ? s.i : s.code)).join("");
}
