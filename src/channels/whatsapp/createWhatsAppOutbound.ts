import type { Boom } from "@hapi/boom";
import {
  type AnyMessageContent,
  isPnUser,
  jidNormalizedUser,
  type proto,
  type WAMessageKey,
} from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import {
  type ChannelSender,
  type OutgoingMessage,
  PermanentSendError,
  TransientSendError,
} from "../../core/messages.ts";
import { BoundedMap } from "./boundedMap.ts";
import type { ChoiceMemory } from "./choiceMemory.ts";
import type { IdentityResolver } from "./identityResolver.ts";
import { maskJid } from "./maskJid.ts";
import { toWhatsAppDigits } from "./phone.ts";
import { MAX_TEXT_LENGTH, renderChoices, renderOutgoing, renderRichText } from "./renderOutgoing.ts";
import type { LaneKind, SendLane } from "./sendLane.ts";
import type { WASocketLike } from "./socketTypes.ts";

export interface WhatsAppOutbound {
  sender: ChannelSender;
  /** Sends a handler's replies to the chat in order; a failure is logged and ends the batch. */
  reply(chatId: string, messages: OutgoingMessage[]): Promise<void>;
  /** Baileys' getMessage: content of a recently sent message, for retry receipts. */
  getMessage(key: WAMessageKey): Promise<proto.IMessage | undefined>;
}

/** Statuses after which sending the same thing again cannot succeed. */
const PERMANENT_STATUSES = new Set([400, 403, 404, 406]);

export function createWhatsAppOutbound(deps: {
  /** The socket when the connection is open, else undefined. */
  openSocket: () => WASocketLike | undefined;
  lane: SendLane;
  choices: ChoiceMemory;
  identity: IdentityResolver;
  logger: Logger;
  sentCapacity?: number;
}): WhatsAppOutbound {
  const sent = new BoundedMap<string, proto.IMessage>(deps.sentCapacity ?? 500);
  const onWhatsApp = new BoundedMap<string, true>(10_000);

  const socketOrThrow = (jid: string): WASocketLike => {
    const sock = deps.openSocket();
    if (!sock) throw new TransientSendError("WhatsApp is not connected", undefined, { jid });
    return sock;
  };

  /** One lane job: `before` runs inside the first step, so lookups are paced like sends. */
  const deliver = async (
    jid: string,
    kind: LaneKind,
    contents: AnyMessageContent[],
    before?: () => Promise<void>,
  ): Promise<string[]> =>
    deps.lane.submit(
      kind,
      contents.map((content, index) => async () => {
        if (index === 0) await before?.();
        const sock = socketOrThrow(jid);
        try {
          const message = await sock.sendMessage(jid, content);
          const id = message?.key.id ?? "";
          if (id && message?.message) sent.set(id, message.message);
          return id;
        } catch (error) {
          throw toSendError(error, jid);
        }
      }),
    );

  const ensureOnWhatsApp = async (jid: string): Promise<void> => {
    if (!isPnUser(jid) || onWhatsApp.has(jid)) return;
    const digits = jid.split("@")[0]!;
    let exists: boolean;
    try {
      const result = await socketOrThrow(jid).onWhatsApp(digits);
      exists = result?.some((r) => r.exists) ?? false;
    } catch (error) {
      throw toSendError(error, jid);
    }
    if (!exists) throw new PermanentSendError("Number is not on WhatsApp", { jid });
    onWhatsApp.set(jid, true);
  };

  const sender: ChannelSender = {
    name: "whatsapp",
    async send(chatId, msg) {
      const jid = toJid(chatId);
      const contents = renderOutgoing(msg);
      if (contents.length === 0) throw new PermanentSendError("Empty message", { chatId });
      socketOrThrow(jid);
      const ids = await deliver(jid, "send", contents, () => ensureOnWhatsApp(jid));
      deps.choices.remember(deps.identity.canonical(jid), msg.choices ?? []);
      return { messageId: ids.at(-1) ?? "" };
    },
    async edit(chatId, messageId, msg) {
      const jid = toJid(chatId);
      const list = msg.choices?.length ? `\n\n${renderChoices(msg.choices)}` : "";
      const text = `${renderRichText(msg.text).trim()}${list}`.slice(0, MAX_TEXT_LENGTH);
      await deliver(jid, "edit", [{ text, edit: { remoteJid: jid, id: messageId, fromMe: true } }]);
    },
  };

  return {
    sender,
    async reply(chatId, messages) {
      const withChoices = messages.filter((m) => m.choices?.length).at(-1);
      deps.choices.remember(deps.identity.canonical(chatId), withChoices?.choices ?? []);
      for (const msg of messages) {
        const contents = renderOutgoing(msg);
        if (contents.length === 0) continue;
        try {
          await deliver(chatId, "reply", contents);
        } catch (error) {
          deps.logger.warn({ err: error, chatId: maskJid(chatId) }, "WhatsApp reply not sent");
          return;
        }
      }
    },
    async getMessage(key) {
      return key.id ? sent.get(key.id) : undefined;
    },
  };
}

/** A JID, or a phone number in any common notation turned into its phone JID. */
function toJid(chatId: string): string {
  if (chatId.includes("@")) return jidNormalizedUser(chatId) || chatId;
  const digits = toWhatsAppDigits(chatId);
  if (!digits) throw new PermanentSendError("Not a WhatsApp address", { chatId });
  return `${digits}@s.whatsapp.net`;
}

function toSendError(error: unknown, jid: string): Error {
  if (error instanceof PermanentSendError || error instanceof TransientSendError) return error;
  const status = (error as Partial<Boom>)?.output?.statusCode;
  const message = error instanceof Error ? error.message : String(error);
  if (status !== undefined && PERMANENT_STATUSES.has(status)) {
    return new PermanentSendError(`WhatsApp refused the message: ${message}`, { jid, status });
  }
  return new TransientSendError(`WhatsApp send failed: ${message}`, undefined, { jid, status });
}
