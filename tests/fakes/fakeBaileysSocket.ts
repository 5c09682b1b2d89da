import { Boom } from "@hapi/boom";
import {
  type AnyMessageContent,
  type AuthenticationCreds,
  type AuthenticationState,
  type BaileysEventMap,
  type Contact,
  DisconnectReason,
  type MessageUpsertType,
  makeEventBuffer,
  type proto,
  type UserFacingSocketConfig,
  type WAMessage,
  type WAMessageKey,
} from "@whiskeysockets/baileys";
import pino from "pino";
import type { WASocketLike } from "../../src/channels/whatsapp/socketTypes.ts";

export interface SentRecord {
  jid: string;
  content: AnyMessageContent;
  message: WAMessage;
}

const silent = pino({ level: "silent" });

/**
 * A stand-in for Baileys' WASocket: the real event emitter (makeEventBuffer) carrying Baileys'
 * own event shapes, recorded sends, and driver methods for what the WhatsApp server would do
 * (open, close with a DisconnectReason, deliver messages, show a QR).
 */
export class FakeBaileysSocket implements WASocketLike {
  readonly ev = makeEventBuffer(silent);
  readonly sent: SentRecord[] = [];
  readonly pairingRequests: string[] = [];
  readonly readKeys: WAMessageKey[] = [];
  readonly onWhatsAppQueries: string[] = [];
  /** The auth state the adapter passed to makeSocket: tests read and mutate creds/keys here. */
  readonly authState: AuthenticationState;
  user: Contact | undefined;
  ended = false;
  loggedOut = false;
  /** Phone digits onWhatsApp reports as not registered. */
  readonly notOnWhatsApp = new Set<string>();
  /** When set, sendMessage rejects with it (e.g. a Boom timeout). */
  sendError: Error | undefined;
  /** Baileys' LID→PN store as far as the adapter uses it. */
  readonly lidToPn = new Map<string, string>();
  readonly signalRepository = {
    lidMapping: { getPNForLID: async (lid: string) => this.lidToPn.get(lid) ?? null },
  };

  constructor(
    readonly config: UserFacingSocketConfig,
    private readonly nextId: () => string,
    private readonly clock: () => number = Date.now,
  ) {
    this.authState = config.auth;
  }

  async sendMessage(jid: string, content: AnyMessageContent): Promise<WAMessage> {
    if (this.sendError) throw this.sendError;
    const message: WAMessage = {
      key: { remoteJid: jid, fromMe: true, id: this.nextId() },
      message: toProtoMessage(content),
      messageTimestamp: Math.floor(this.clock() / 1000),
    };
    this.sent.push({ jid, content, message });
    return message;
  }

  async requestPairingCode(phoneNumber: string): Promise<string> {
    this.pairingRequests.push(phoneNumber);
    this.updateCreds({ pairingCode: "ABCD1234" });
    return "ABCD1234";
  }

  async onWhatsApp(...phoneNumbers: string[]): Promise<{ jid: string; exists: boolean }[]> {
    this.onWhatsAppQueries.push(...phoneNumbers);
    return phoneNumbers.map((p) => ({ jid: `${p}@s.whatsapp.net`, exists: !this.notOnWhatsApp.has(p) }));
  }

  async end(error: Error | undefined): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    // As Baileys does: one last close update, then the connection listeners go.
    this.ev.emit("connection.update", { connection: "close", lastDisconnect: { error, date: new Date() } });
    this.ev.removeAllListeners("connection.update");
  }

  async logout(msg?: string): Promise<void> {
    this.loggedOut = true;
    await this.end(new Boom(msg ?? "Intentional Logout", { statusCode: DisconnectReason.loggedOut }));
  }

  async readMessages(keys: WAMessageKey[]): Promise<void> {
    this.readKeys.push(...keys);
  }

  // ---- drivers: what the server does ----

  showQr(qr = "2@fake-qr-ref,fake-noise,fake-identity,fake-adv"): void {
    this.ev.emit("connection.update", { qr });
  }

  open(user: Contact = { id: "6281100000000:7@s.whatsapp.net", name: "Klinik Inovasi" }): void {
    this.user = user;
    this.ev.emit("connection.update", { connection: "open" });
  }

  /** The server closes the stream with the given reason. */
  disconnect(statusCode: DisconnectReason | number, message = "Connection Failure"): void {
    this.ended = true;
    const error = new Boom(message, { statusCode });
    this.ev.emit("connection.update", { connection: "close", lastDisconnect: { error, date: new Date() } });
  }

  receive(messages: WAMessage | WAMessage[], type: MessageUpsertType = "notify"): void {
    this.ev.emit("messages.upsert", { messages: Array.isArray(messages) ? messages : [messages], type });
  }

  learnLid(lid: string, pn: string): void {
    this.ev.emit("lid-mapping.update", { lid, pn });
  }

  /** Baileys mutates creds in place and announces the change. */
  updateCreds(patch: Partial<AuthenticationCreds>): void {
    Object.assign(this.authState.creds, patch);
    this.ev.emit("creds.update", patch);
  }

  emit<T extends keyof BaileysEventMap>(event: T, data: BaileysEventMap[T]): void {
    this.ev.emit(event, data);
  }
}

/** makeSocket for the adapter; keeps every socket made, for reconnect tests. */
export function createFakeSocketFactory(options: { now?: () => number } = {}) {
  const sockets: FakeBaileysSocket[] = [];
  let counter = 0;
  const nextId = () => `3EB0FAKE${(++counter).toString().padStart(8, "0")}`;
  return {
    sockets,
    makeSocket(config: UserFacingSocketConfig): FakeBaileysSocket {
      const socket = new FakeBaileysSocket(config, nextId, options.now);
      sockets.push(socket);
      return socket;
    },
    get count(): number {
      return sockets.length;
    },
    get last(): FakeBaileysSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error("no socket made yet");
      return socket;
    },
  };
}

/** Incoming message builder with Baileys 7 key fields (remoteJidAlt/participantAlt). */
export function inboundMessage(input: {
  from: string;
  id: string;
  text?: string;
  message?: proto.IMessage;
  alt?: string;
  participant?: string;
  participantAlt?: string;
  pushName?: string;
  fromMe?: boolean;
  timestampSec?: number;
  quotedId?: string;
}): WAMessage {
  const message =
    input.message ??
    (input.quotedId
      ? { extendedTextMessage: { text: input.text ?? "", contextInfo: { stanzaId: input.quotedId } } }
      : { conversation: input.text ?? "" });
  const key: WAMessageKey = { remoteJid: input.from, fromMe: input.fromMe ?? false, id: input.id };
  if (input.alt) key.remoteJidAlt = input.alt;
  if (input.participant) key.participant = input.participant;
  if (input.participantAlt) key.participantAlt = input.participantAlt;
  return {
    key,
    message,
    messageTimestamp: input.timestampSec ?? Math.floor(Date.now() / 1000),
    pushName: input.pushName ?? "Ibu Sari",
  };
}

function toProtoMessage(content: AnyMessageContent): proto.IMessage {
  if ("text" in content) return { extendedTextMessage: { text: content.text } };
  if ("document" in content) {
    return {
      documentMessage: {
        fileName: content.fileName ?? null,
        mimetype: content.mimetype,
        caption: "caption" in content ? (content.caption ?? null) : null,
      },
    };
  }
  return {};
}
