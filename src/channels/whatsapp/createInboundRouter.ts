import {
  type BaileysEventMap,
  BufferJSON,
  isJidGroup,
  jidNormalizedUser,
  type WAMessage,
  type WAMessageKey,
} from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import { channelTexts } from "../../core/i18n/channelTexts.ts";
import {
  confirmDelivered,
  followUpOf,
  type IncomingMessage,
  type MessageHandler,
  type OutgoingMessage,
} from "../../core/messages.ts";
import type { UpdateInbox } from "../../db/queries/inboxUpdates.ts";
import { createInboxReplay } from "../inboxReplay.ts";
import { BoundedMap } from "./boundedMap.ts";
import type { ChatQueue } from "./chatQueue.ts";
import type { ChoiceMemory } from "./choiceMemory.ts";
import type { WhatsAppOutbound } from "./createWhatsAppOutbound.ts";
import type { FloodGuard } from "./floodGuard.ts";
import type { IdentityResolver } from "./identityResolver.ts";
import { maskJid } from "./maskJid.ts";
import { type InboundContent, ignoreReason, readWAMessage } from "./readWAMessage.ts";

/** Turns `messages.upsert` into handler calls: filtered, deduplicated, rate-limited, per-chat ordered. */
export interface InboundRouter {
  onUpsert(event: BaileysEventMap["messages.upsert"]): void;
  /** New messages are ignored from now on (graceful stop). */
  stopAccepting(): void;
  /**
   * Hands on the messages a process that is gone had received and not finished (the inbox):
   * WhatsApp counts a message delivered once Baileys receipts it, before the bot handles it.
   */
  replayInbox(): Promise<void>;
}

// The adapter texts the adapter says on its own: it does not know the user's locale, so Indonesian.
const apology: OutgoingMessage = { text: [channelTexts("id").apology] };
const floodNotice: OutgoingMessage = { text: [channelTexts("id").flood] };

export function createInboundRouter(deps: {
  handler: MessageHandler;
  logger: Logger;
  allowGroups: boolean;
  identity: IdentityResolver;
  choices: ChoiceMemory;
  flood: FloodGuard;
  queue: ChatQueue;
  outbound: WhatsAppOutbound;
  download: (msg: WAMessage) => Promise<Uint8Array>;
  markRead?: (key: WAMessageKey) => Promise<void>;
  now: () => number;
  /** Each accepted message is recorded here as it arrives and cleared once handled (ADR 0007). */
  inbox?: UpdateInbox;
}): InboundRouter {
  // The app deduplicates on messageId too; this spares it the duplicate upserts Baileys emits.
  const seen = new BoundedMap<string, true>(2000);
  let accepting = true;

  const handle = async (msg: WAMessage, content: InboundContent, chatId: string, person: string) => {
    const alt = isJidGroup(chatId) ? msg.key.participantAlt : msg.key.remoteJidAlt;
    const who = await deps.identity.resolve(person, alt);
    const incoming: IncomingMessage = {
      channel: "whatsapp",
      chatId,
      userId: who.userId,
      messageId: msg.key.id!,
    };
    // Word joiners come back when a user copies the bot's escaped text; they mean nothing.
    const text = content.text?.replace(/\u2060/g, "");
    if (text) {
      incoming.text = text;
      const choice = deps.choices.match(deps.identity.canonical(chatId), text);
      if (choice) incoming.choice = choice;
    }
    if (content.replyToMessageId) incoming.replyToMessageId = content.replyToMessageId;
    if (content.media) {
      const { kind, fileName, mimeType, size, downloadable } = content.media;
      incoming.attachment = { kind, fileName, mimeType, size };
      if (downloadable) incoming.attachment.fetch = () => deps.download(msg);
    }
    if (who.aliases.length > 0) incoming.aliases = who.aliases;
    const profile: NonNullable<IncomingMessage["profile"]> = {};
    if (msg.pushName) profile.displayName = msg.pushName;
    if (who.phone) profile.phone = who.phone;
    if (Object.keys(profile).length > 0) incoming.profile = profile;

    void deps.markRead?.(msg.key).catch((err: unknown) => deps.logger.debug({ err }, "read receipt failed"));
    let replies: OutgoingMessage[];
    try {
      replies = await deps.handler(incoming);
    } catch (err) {
      deps.logger.error(
        { err, chatId: maskJid(chatId), messageId: incoming.messageId },
        "WhatsApp message handler failed",
      );
      replies = [apology];
    }
    await deps.outbound.reply(chatId, replies);
    await confirmDelivered(replies);
    // Later advice (LLM after the rule check) goes out when ready, in a queue of its own: the
    // chat's next message does not wait for it.
    void deps.queue.run(`later:${chatId}`, async () => {
      const later = await followUpOf(replies);
      if (later.length > 0) await deps.outbound.reply(chatId, later);
    });
  };

  const accept = (msg: WAMessage, type: BaileysEventMap["messages.upsert"]["type"] | "replay"): void => {
    // A replayed message passed the filters when it arrived; only its age would fail them now.
    const reason = ignoreReason(msg, type === "replay" ? "notify" : type, {
      allowGroups: deps.allowGroups,
      now: deps.now(),
    });
    if (reason) {
      deps.logger.trace({ id: msg.key.id, reason }, "WhatsApp message ignored");
      return;
    }
    const content = readWAMessage(msg);
    if (!content) return;
    // By id alone: Baileys 7 may deliver one message under its LID and its phone JID.
    const id = msg.key.id!;
    if (seen.has(id)) return;
    seen.set(id, true);
    const remoteJid = msg.key.remoteJid!;

    const group = isJidGroup(remoteJid);
    const chatId = group ? remoteJid : jidNormalizedUser(remoteJid) || remoteJid;
    const person = group ? msg.key.participant : remoteJid;
    if (!person) return;
    const alt = group ? msg.key.participantAlt : msg.key.remoteJidAlt;
    if (alt) {
      // One of the two orders is the (lid, pn) pair; learn() ignores the other.
      deps.identity.learn(person, alt);
      deps.identity.learn(alt, person);
    }
    const verdict = deps.flood.check(deps.identity.canonical(person));
    if (verdict === "notify")
      void deps.queue.run(`notice:${chatId}`, () => deps.outbound.reply(chatId, [floodNotice]));
    if (verdict !== "ok") {
      deps.logger.info({ chatId: maskJid(chatId), verdict }, "WhatsApp inbound flood limit hit");
      return;
    }
    const recorded =
      type === "replay"
        ? undefined
        : deps.inbox
            ?.record([{ updateId: id, payload: JSON.parse(JSON.stringify(msg, BufferJSON.replacer)) }])
            .catch((err: unknown) =>
              deps.logger.warn({ err }, "could not record a WhatsApp message in the inbox"),
            );
    void deps.queue.run(chatId, async () => {
      await recorded;
      try {
        await handle(msg, content, chatId, person);
      } finally {
        void deps.inbox
          ?.done(id)
          .catch((err: unknown) =>
            deps.logger.warn({ err }, "could not clear a handled message from the inbox"),
          );
      }
    });
  };

  const replay = deps.inbox
    ? createInboxReplay({
        inbox: deps.inbox,
        logger: deps.logger,
        onRow: (row) =>
          accept(JSON.parse(JSON.stringify(row.payload), BufferJSON.reviver) as WAMessage, "replay"),
      })
    : undefined;

  return {
    onUpsert({ messages, type }) {
      if (!accepting) return;
      for (const msg of messages) accept(msg, type);
    },
    stopAccepting() {
      accepting = false;
    },
    replayInbox: () => replay?.run() ?? Promise.resolve(),
  };
}
