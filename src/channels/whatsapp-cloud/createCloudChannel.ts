import type { Hono } from "hono";
import type { Logger } from "pino";
import { channelTexts } from "../../core/i18n/channelTexts.ts";
import {
  type ChannelSender,
  confirmDelivered,
  followUpOf,
  type MessageHandler,
  type OutgoingMessage,
  PermanentSendError,
  TransientSendError,
} from "../../core/messages.ts";
import { type CloudTemplates, templateParams } from "../../core/whatsapp/cloudTemplates.ts";
import type { UpdateInbox } from "../../db/queries/inboxUpdates.ts";
import { BoundedMap } from "../whatsapp/boundedMap.ts";
import { createChatQueue } from "../whatsapp/chatQueue.ts";
import { createChoiceMemory } from "../whatsapp/choiceMemory.ts";
import { createFloodGuard, type FloodOptions } from "../whatsapp/floodGuard.ts";
import { maskJid } from "../whatsapp/maskJid.ts";
import { type CloudMessage, createCloudInbox, messagesOf } from "./cloudInbox.ts";
import { createCloudWebhook } from "./createCloudWebhook.ts";
import type { GraphClient } from "./createGraphClient.ts";
import { renderCloudMessages } from "./renderCloudMessages.ts";
import { cloudJid, toIncomingMessage } from "./toIncomingMessage.ts";
import { type CloudWebhook, cloudStatusSchema } from "./webhookSchema.ts";

/** What the channel keeps in the database (query modules in src/db/queries, wired in main). */
export interface CloudStore {
  touchWindow(externalId: string, at: Date): Promise<void>;
  lastInbound(externalId: string): Promise<Date | undefined>;
  templates(competitionId: string): Promise<CloudTemplates>;
  /** Receipt of a sent message (sent, delivered, read, failed). */
  receipt(r: { providerMessageId: string; status: string; at: Date; error?: string }): Promise<void>;
  /** Counts a business-initiated conversation; returns false when the daily tier is used up. */
  openConversation(externalId: string, now: Date): Promise<boolean>;
}

export interface CloudChannelDeps {
  handler: MessageHandler;
  graph: GraphClient;
  store: CloudStore;
  logger: Logger;
  verifyToken: string;
  appSecret: string;
  flood?: FloodOptions;
  now?: () => number;
  /**
   * Every message is recorded here before Meta gets its 200, and dropped once handled; what a
   * process that died left is taken over at creation and, with `inboxSweepMs` (several
   * processes on PostgreSQL), every so often (ADR 0007).
   */
  inbox?: UpdateInbox;
  inboxSweepMs?: number;
}

export interface CloudChannel {
  /** The webhook (GET handshake, signed POSTs), to mount at /whatsapp. */
  webhook: Hono;
  sender: ChannelSender;
  /** Waits for the turns in flight (graceful stop); new posts are answered but not handled. */
  stop(): Promise<void>;
  /** Resolves once the inbox rows found at creation are handed to their chats' queues. */
  ready: Promise<void>;
}

/** A person's window is 24 hours; a send that close to its end may land after it closes. */
const WINDOW_MS = 24 * 3_600_000 - 5 * 60_000;
const apology: OutgoingMessage = { text: [channelTexts("id").apology] };
const floodNotice: OutgoingMessage = { text: [channelTexts("id").flood] };

/**
 * WhatsApp through the official Cloud API: a webhook for what people send (and for receipts),
 * the Graph API for what the bot sends. Replies go out at once in the chat's order; messages the
 * bot starts use a template when the person is outside the 24-hour window.
 */
export function createCloudChannel(deps: CloudChannelDeps): CloudChannel {
  const { logger, graph, store } = deps;
  const now = deps.now ?? Date.now;
  const seen = new BoundedMap<string, "handling" | "handled">(5000);
  const choices = createChoiceMemory();
  const flood = createFloodGuard({ ...(deps.flood ?? { limit: 30, windowMs: 60_000 }), now });
  const queue = createChatQueue((err, chat) =>
    logger.error({ err, chatId: maskJid(chat) }, "WhatsApp Cloud turn failed"),
  );
  let accepting = true;

  const waIdOf = (chatId: string): string => {
    const m = /^(\d{6,20})(?::\d+)?@s\.whatsapp\.net$/.exec(chatId) ?? /^(\d{6,20})$/.exec(chatId);
    if (!m)
      throw new PermanentSendError("the Cloud API reaches phone numbers only (this is a linked-device id)");
    return m[1]!;
  };

  async function deliver(waId: string, msg: OutgoingMessage): Promise<string> {
    const rendered = renderCloudMessages(msg);
    choices.remember(cloudJid(waId), rendered.numbered ?? []);
    let last = "";
    for (const p of rendered.payloads) {
      if (p.type === "document") {
        const id = await graph.uploadMedia(p.upload.data, p.upload.mimeType, p.upload.fileName);
        const doc = { id, filename: p.upload.fileName, ...(p.caption ? { caption: p.caption } : {}) };
        last = (await graph.sendMessage({ to: waId, type: "document", document: doc })).messageId;
      } else last = (await graph.sendMessage({ to: waId, ...p })).messageId;
    }
    return last;
  }

  async function startConversation(waId: string, msg: OutgoingMessage): Promise<string> {
    const i = msg.initiated!;
    const last = await store.lastInbound(cloudJid(waId));
    if (last && now() - last.getTime() < WINDOW_MS) return deliver(waId, msg);
    const ref = (await store.templates(i.competitionId))[i.purpose];
    if (!ref)
      throw new PermanentSendError(
        `outside the 24-hour window and no approved WhatsApp template is set for ${i.purpose}s`,
      );
    if (!(await store.openConversation(cloudJid(waId), new Date(now()))))
      throw new TransientSendError("WhatsApp daily conversation tier used up", 15 * 60_000, { tier: true });
    const parameters = templateParams(ref, i.competitionName, i.body).map((text) => ({ type: "text", text }));
    const template = {
      name: ref.name,
      language: { code: ref.language },
      ...(parameters.length ? { components: [{ type: "body", parameters }] } : {}),
    };
    return (await graph.sendMessage({ to: waId, type: "template", template })).messageId;
  }

  const sender: ChannelSender = {
    name: "whatsapp",
    async send(chatId, msg) {
      const waId = waIdOf(chatId);
      const messageId = msg.initiated ? await startConversation(waId, msg) : await deliver(waId, msg);
      return { messageId };
    },
  };

  async function reply(jid: string, messages: OutgoingMessage[]): Promise<void> {
    const waId = waIdOf(jid);
    for (const m of messages) {
      try {
        await deliver(waId, m);
      } catch (err) {
        logger.warn({ err, chatId: maskJid(jid) }, "WhatsApp Cloud reply failed");
        return;
      }
    }
  }

  async function turn(payloadMessage: CloudMessage, name: string | undefined) {
    const incoming = toIncomingMessage(payloadMessage, name, {
      fetch: async (mediaId, maxBytes) => {
        const info = await graph.mediaInfo(mediaId);
        if (info.size > maxBytes) throw new PermanentSendError(`file too large (${info.size} bytes)`);
        return graph.download(info.url, maxBytes);
      },
    });
    if (incoming.attachment && payloadMessage.document) {
      // The webhook gives no size; ask before the app decides to download.
      try {
        incoming.attachment.size = (await graph.mediaInfo(payloadMessage.document.id)).size;
      } catch (err) {
        logger.warn({ err }, "WhatsApp Cloud media lookup failed");
        delete incoming.attachment.fetch;
      }
    }
    if (incoming.text && !incoming.choice) {
      const picked = choices.match(incoming.chatId, incoming.text);
      if (picked) incoming.choice = picked;
    }
    let replies: OutgoingMessage[];
    try {
      replies = await deps.handler(incoming);
    } catch (err) {
      logger.error({ err, chatId: maskJid(incoming.chatId) }, "WhatsApp Cloud handler failed");
      replies = [apology];
    }
    await reply(incoming.chatId, replies);
    await confirmDelivered(replies);
    // Later advice goes out when ready, in a queue of its own: the chat's next message does not wait.
    const chatId = incoming.chatId;
    void queue.run(`later:${chatId}`, async () => {
      const later = await followUpOf(replies);
      if (later.length) await reply(chatId, later);
    });
  }

  /** One person's message: once per message id in this process, in its chat's order. */
  function accept(m: CloudMessage, name: string | undefined): void {
    // Meta delivers at least once: the same message id again has no second effect (and the inbox
    // row its webhook call wrote again goes, unless the first delivery is still being handled).
    if (seen.has(m.id) || !accepting) {
      if (seen.get(m.id) === "handled") void deps.inbox?.done(m.id).catch(() => undefined);
      return;
    }
    seen.set(m.id, "handling");
    const jid = cloudJid(m.from);
    const at = m.timestamp ? new Date(Number(m.timestamp) * 1000) : new Date(now());
    const verdict = flood.check(jid);
    void queue.run(jid, async () => {
      try {
        await store.touchWindow(jid, at);
        if (verdict === "notify") await reply(jid, [floodNotice]);
        if (verdict === "ok") await turn(m, name);
      } finally {
        seen.set(m.id, "handled");
        void deps.inbox
          ?.done(m.id)
          .catch((err: unknown) => logger.warn({ err }, "could not clear a handled message from the inbox"));
      }
    });
  }

  const inbox = deps.inbox
    ? createCloudInbox({ inbox: deps.inbox, sweepMs: deps.inboxSweepMs, logger, accept })
    : undefined;

  function onPayload(payload: CloudWebhook): void {
    for (const { message, name } of messagesOf(payload, logger)) accept(message, name);
    for (const entry of payload.entry)
      for (const change of entry.changes) {
        if (change.field !== "messages") continue;
        const v = change.value;
        for (const raw of v.statuses ?? []) {
          const parsed = cloudStatusSchema.safeParse(raw);
          if (!parsed.success) continue;
          const s = parsed.data;
          const e = s.errors?.[0];
          void store
            .receipt({
              providerMessageId: s.id,
              status: s.status,
              at: s.timestamp ? new Date(Number(s.timestamp) * 1000) : new Date(now()),
              error: e ? `rejected: WhatsApp #${e.code} ${e.title ?? e.message ?? ""}`.trim() : undefined,
            })
            .catch((err: unknown) => logger.warn({ err }, "WhatsApp Cloud receipt not recorded"));
        }
      }
  }

  return {
    webhook: createCloudWebhook({
      verifyToken: deps.verifyToken,
      appSecret: deps.appSecret,
      logger,
      onPayload,
      ...(inbox ? { record: inbox.record } : {}),
    }),
    sender,
    ready: inbox?.ready ?? Promise.resolve(),
    async stop() {
      accepting = false;
      inbox?.stop();
      await queue.drain();
      await deps.inbox?.flush();
    },
  };
}
