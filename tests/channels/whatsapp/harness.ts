import pino from "pino";
import {
  createWhatsAppChannel,
  type WhatsAppChannelDeps,
} from "../../../src/channels/whatsapp/createWhatsAppChannel.ts";
import type { AuthKeyValueStore } from "../../../src/channels/whatsapp/useStoredAuthState.ts";
import type { IncomingMessage, MessageHandler, OutgoingMessage } from "../../../src/core/messages.ts";
import { createFakeSocketFactory, type FakeBaileysSocket } from "../../fakes/fakeBaileysSocket.ts";

/** AuthKeyValueStore in a Map, counting writes (the DB-backed one has its own test). */
export function createMemoryAuthStore() {
  const data = new Map<string, string>();
  const store: AuthKeyValueStore & { data: Map<string, string>; writes: number; clears: number } = {
    data,
    writes: 0,
    clears: 0,
    async read(keys) {
      return new Map(keys.flatMap((k) => (data.has(k) ? [[k, data.get(k)!] as const] : [])));
    },
    async write(entries) {
      store.writes += 1;
      for (const { key, value } of entries) {
        if (value === null) data.delete(key);
        else data.set(key, value);
      }
    },
    async clear() {
      store.clears += 1;
      data.clear();
    },
  };
  return store;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A channel over the fake socket, a fake clock, a log collector and a scripted handler. */
export function createHarness(
  options: Partial<WhatsAppChannelDeps> & {
    reply?: (m: IncomingMessage) => OutgoingMessage[] | Promise<OutgoingMessage[]>;
  } = {},
) {
  const clock = { t: Date.UTC(2026, 4, 2, 3, 0, 0) };
  const sleeps: number[] = [];
  const now = () => clock.t;
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    clock.t += ms;
  };
  const logs: LogLine[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => logs.push(JSON.parse(line) as LogLine) });
  const factory = createFakeSocketFactory({ now });
  const auth = createMemoryAuthStore();
  const calls: IncomingMessage[] = [];
  const terminal: string[] = [];
  const reply = options.reply ?? ((m: IncomingMessage) => [{ text: [`echo: ${m.text ?? ""}`] }]);
  const handler: MessageHandler = async (m) => {
    calls.push(m);
    return reply(m);
  };
  const channel = createWhatsAppChannel({
    handler,
    logger,
    auth,
    makeSocket: (config) => factory.makeSocket(config),
    now,
    sleep,
    random: () => 0.5,
    pacing: { minDelayMs: 0, jitterMs: 0, dailyCap: 1000 },
    terminal: { write: (s: string) => terminal.push(s) },
    ...options,
  });
  return {
    channel,
    factory,
    auth,
    clock,
    sleeps,
    logs,
    calls,
    terminal,
    errors: () => logs.filter((l) => l.level >= 50),
    /** Starts the channel and opens its first socket. */
    async open(): Promise<FakeBaileysSocket> {
      await channel.start();
      const socket = factory.last;
      socket.open();
      return socket;
    },
    /** Texts the fake socket sent, in order. */
    texts(socket: FakeBaileysSocket = factory.last): string[] {
      return socket.sent.map((s) =>
        "text" in s.content ? s.content.text : `[${"fileName" in s.content ? s.content.fileName : "?"}]`,
      );
    },
  };
}

export const PN = "6281234567890@s.whatsapp.net";
export const LID = "123456789012345@lid";
