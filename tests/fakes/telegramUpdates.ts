import type { Chat, Message, MessageEntity, Update, User } from "grammy/types";

/** An update before the fake server numbers it (injectUpdate / webhookPost assign update_id). */
export type NewUpdate = Omit<Update, "update_id"> & { update_id?: number };

/** A Telegram user to write as; language_code decides the adapter's language. */
export function telegramUser(id: number, opts: Partial<Omit<User, "id">> = {}): User {
  return { id, is_bot: false, first_name: `User${id}`, language_code: "id", ...opts };
}

let nextMessageId = 5000;
let nextQueryId = 1;
const now = () => Math.floor(Date.now() / 1000);

function privateChat(user: User): Chat.PrivateChat {
  return { id: user.id, type: "private", first_name: user.first_name };
}

function groupChat(id: number): Chat.SupergroupChat {
  return { id, type: "supergroup", title: "Grup Inovasi" };
}

function commandEntities(text: string): MessageEntity[] | undefined {
  const match = /^\/\S+/.exec(text);
  return match ? [{ type: "bot_command", offset: 0, length: match[0].length }] : undefined;
}

function incoming(user: User, chat: Chat, content: Partial<Message>): NewUpdate {
  const message = { message_id: nextMessageId++, date: now(), chat, from: user, ...content } as Message;
  return { message } as NewUpdate;
}

/** A text message in the user's private chat; a leading /command gets its entity. */
export function textMessage(user: User, text: string, opts: { replyTo?: number } = {}): NewUpdate {
  const entities = commandEntities(text);
  return incoming(user, privateChat(user), {
    text,
    ...(entities ? { entities } : {}),
    ...(opts.replyTo ? { reply_to_message: { message_id: opts.replyTo } as Message.TextMessage } : {}),
  } as Partial<Message>);
}

/** A text message in a supergroup (chat id negative). */
export function groupMessage(user: User, groupId: number, text: string): NewUpdate {
  const entities = commandEntities(text);
  return incoming(user, groupChat(groupId), { text, ...(entities ? { entities } : {}) } as Partial<Message>);
}

/** A button press on a message the bot sent to the user. */
export function callbackQuery(user: User, data: string, opts: { messageId?: number } = {}): NewUpdate {
  const message = { message_id: opts.messageId ?? 1, date: now(), chat: privateChat(user), text: "…" };
  return {
    callback_query: { id: `cq${nextQueryId++}`, from: user, chat_instance: "ci", data, message },
  } as NewUpdate;
}

export interface DocumentSpec {
  fileId: string;
  fileName: string;
  mimeType?: string;
  size?: number;
}

export function documentMessage(user: User, doc: DocumentSpec): NewUpdate {
  return incoming(user, privateChat(user), {
    document: {
      file_id: doc.fileId,
      file_unique_id: `u-${doc.fileId}`,
      file_name: doc.fileName,
      ...(doc.mimeType ? { mime_type: doc.mimeType } : {}),
      ...(doc.size !== undefined ? { file_size: doc.size } : {}),
    },
  } as Partial<Message>);
}

export function photoMessage(user: User, fileId: string, size = 1000): NewUpdate {
  const photo = [
    { file_id: `${fileId}-small`, file_unique_id: "ps", width: 90, height: 90, file_size: 100 },
    { file_id: fileId, file_unique_id: "pl", width: 800, height: 800, file_size: size },
  ];
  return incoming(user, privateChat(user), { photo } as Partial<Message>);
}

export function stickerMessage(user: User): NewUpdate {
  const sticker = { file_id: "st", file_unique_id: "st", type: "regular", width: 512, height: 512 };
  return incoming(user, privateChat(user), { sticker } as Partial<Message>);
}

export function voiceMessage(user: User): NewUpdate {
  const voice = { file_id: "vo", file_unique_id: "vo", duration: 3, mime_type: "audio/ogg", file_size: 2000 };
  return incoming(user, privateChat(user), { voice } as Partial<Message>);
}

/** A shared contact; by default the user's own number (the request_contact button). */
export function contactMessage(user: User, phone: string, opts: { userId?: number } = {}): NewUpdate {
  const contact = { phone_number: phone, first_name: user.first_name, user_id: opts.userId ?? user.id };
  return incoming(user, privateChat(user), { contact } as Partial<Message>);
}

export function channelPost(channelId: number, text: string): NewUpdate {
  const chat: Chat.ChannelChat = { id: channelId, type: "channel", title: "Kanal" };
  return { channel_post: { message_id: nextMessageId++, date: now(), chat, text } } as NewUpdate;
}
