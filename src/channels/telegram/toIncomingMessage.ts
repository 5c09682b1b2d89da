import type { Message, Update, User } from "grammy/types";
import { type Locale, localeFromLanguageCode } from "../../core/i18n/locale.ts";
import type { Attachment, AttachmentKind, IncomingMessage } from "../../core/messages.ts";
import { isValidCallbackData } from "./callbackData.ts";

export interface MapDeps {
  /** The bot's numeric id (token prefix); scopes update ids. */
  botId?: string;
  botUsername: string;
  maxFileBytes: number;
  /** Builds the download function for a file id (getFile + the file path). */
  fileFetcher: (fileId: string) => () => Promise<Uint8Array>;
}

/** What the adapter does with an update; only "message" reaches the app. */
export type MappedUpdate =
  | { kind: "ignore" }
  | {
      kind: "message";
      chatId: number;
      locale: Locale;
      message: IncomingMessage;
      callbackQueryId?: string;
      /** The user just shared their phone number with the reply-keyboard button. */
      sharedContact: boolean;
    }
  | { kind: "staleButton"; callbackQueryId: string; locale: Locale }
  | { kind: "groupCommand"; chatId: number; locale: Locale }
  | { kind: "fileTooLarge"; chatId: number; locale: Locale };

/**
 * Maps a Telegram update to the app's IncomingMessage (messageId = update_id, which the app
 * dedups on), or says why the adapter answers it itself or ignores it. Only private chats
 * reach the app; in groups the bot answers commands addressed to it with a pointer.
 */
export function toIncomingMessage(update: Update, deps: MapDeps): MappedUpdate {
  const query = update.callback_query;
  if (query) {
    const locale = localeFromLanguageCode(query.from.language_code);
    const chat = query.message?.chat;
    if (chat?.type !== "private" || !isValidCallbackData(query.data)) {
      return { kind: "staleButton", callbackQueryId: query.id, locale };
    }
    const message: IncomingMessage = {
      ...base(update.update_id, chat.id, query.from, deps.botId),
      choice: query.data,
    };
    return {
      kind: "message",
      chatId: chat.id,
      locale,
      message,
      callbackQueryId: query.id,
      sharedContact: false,
    };
  }

  const msg = update.message;
  if (!msg) return { kind: "ignore" }; // channel posts, edits, membership changes, …
  const locale = localeFromLanguageCode(msg.from?.language_code);
  if (msg.chat.type === "group" || msg.chat.type === "supergroup") {
    return commandTarget(msg) === deps.botUsername.toLowerCase()
      ? { kind: "groupCommand", chatId: msg.chat.id, locale }
      : { kind: "ignore" };
  }
  if (msg.chat.type !== "private" || !msg.from || msg.from.is_bot) return { kind: "ignore" };

  const message: IncomingMessage = {
    ...base(update.update_id, msg.chat.id, msg.from, deps.botId),
    ...(msg.reply_to_message ? { replyToMessageId: String(msg.reply_to_message.message_id) } : {}),
  };
  const contact = msg.contact;
  if (contact && contact.user_id === msg.from.id) {
    const phone = normalizePhone(contact.phone_number);
    message.sharedPhone = phone;
    message.profile = { ...message.profile, phone };
    return { kind: "message", chatId: msg.chat.id, locale, message, sharedContact: true };
  }
  if (msg.text !== undefined) {
    message.text = stripOwnMention(msg.text, deps.botUsername);
  } else {
    if (msg.document && (msg.document.file_size ?? 0) > deps.maxFileBytes) {
      return { kind: "fileTooLarge", chatId: msg.chat.id, locale };
    }
    const attachment = toAttachment(msg, deps);
    if (!attachment) return { kind: "ignore" }; // service messages (pins, …)
    message.attachment = attachment;
  }
  return { kind: "message", chatId: msg.chat.id, locale, message, sharedContact: false };
}

function base(updateId: number, chatId: number, from: User, botId: string | undefined): IncomingMessage {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return {
    channel: "telegram",
    chatId: String(chatId),
    userId: String(from.id),
    // Update ids count per bot: scoped by the bot's id, a new token never collides with old ids.
    messageId: botId ? `${botId}:${updateId}` : String(updateId),
    profile: {
      ...(displayName ? { displayName } : {}),
      ...(from.username ? { username: from.username } : {}),
      ...(from.language_code ? { languageCode: from.language_code } : {}),
    },
  };
}

/** Captions are not passed on: the app reacts to the attachment itself. */
function toAttachment(msg: Message, deps: MapDeps): Attachment | undefined {
  const file = (kind: AttachmentKind, fileId: string, size?: number, extra: Partial<Attachment> = {}) => ({
    kind,
    ...extra,
    ...(size !== undefined ? { size } : {}),
    ...(size === undefined || size <= deps.maxFileBytes ? { fetch: deps.fileFetcher(fileId) } : {}),
  });
  if (msg.document) {
    const { file_id, file_name, mime_type, file_size } = msg.document;
    return file("document", file_id, file_size, {
      ...(file_name ? { fileName: file_name } : {}),
      ...(mime_type ? { mimeType: mime_type } : {}),
    });
  }
  const photo = msg.photo?.at(-1); // sizes ascend; the last is the original
  if (photo) return file("image", photo.file_id, photo.file_size, { mimeType: "image/jpeg" });
  if (msg.sticker) return { kind: "sticker" };
  const audio = msg.voice ?? msg.audio;
  if (audio)
    return file(
      "audio",
      audio.file_id,
      audio.file_size,
      audio.mime_type ? { mimeType: audio.mime_type } : {},
    );
  if (msg.video || msg.video_note || msg.animation) return { kind: "video" };
  if (msg.location || msg.venue) return { kind: "location" };
  if (msg.contact || msg.poll || msg.dice || msg.game || msg.story || msg.invoice) return { kind: "other" };
  return undefined;
}

/** The bot a leading command is addressed to ("/cek@KlinikBot" → "klinikbot"), lower-cased. */
function commandTarget(msg: Message): string | undefined {
  const entity = msg.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!entity || msg.text === undefined) return undefined;
  const command = msg.text.slice(0, entity.length);
  const at = command.indexOf("@");
  return at < 0 ? undefined : command.slice(at + 1).toLowerCase();
}

/** "/cek@KlinikBot 2" → "/cek 2": in a private chat the mention adds nothing. */
function stripOwnMention(text: string, botUsername: string): string {
  const match = /^(\/[A-Za-z0-9_]+)@([A-Za-z0-9_]+)/.exec(text);
  if (!match || match[2]!.toLowerCase() !== botUsername.toLowerCase()) return text;
  return match[1]! + text.slice(match[0].length);
}

/** Telegram sends international numbers, usually without "+"; the app gets E.164. */
function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, "");
  return `+${digits}`;
}
