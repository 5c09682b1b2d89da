import { EventEmitter } from "node:events";
import { pino } from "pino";
import {
  createTelegramChannel,
  type TelegramChannel,
  type TelegramChannelDeps,
} from "../../../src/channels/telegram/createTelegramChannel.ts";
import { type IncomingMessage, type OutgoingMessage, plainText } from "../../../src/core/messages.ts";
import { createHttpServer, type HttpServer } from "../../../src/http/createHttpServer.ts";
import { type FakeTelegramOptions, FakeTelegramServer } from "../../fakes/fakeTelegramServer.ts";

export type ScriptedHandler = (msg: IncomingMessage) => Promise<OutgoingMessage[]>;

/** Echoes what arrived, so a test can see which message a reply answers. */
export const echo: ScriptedHandler = async (msg) => [
  { text: ["echo: ", msg.text ?? msg.choice ?? msg.sharedPhone ?? `[${msg.attachment?.kind}]`] },
];

export interface Harness {
  fake: FakeTelegramServer;
  channel: TelegramChannel;
  /** Every message the app received, in arrival order. */
  received: IncomingMessage[];
  /** The app's behaviour; replace it per test. */
  handler: ScriptedHandler;
  waitForReceived(count: number): Promise<IncomingMessage[]>;
  webhookUrl(): string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: "polling" | "webhook";
  fake?: FakeTelegramOptions;
  channel?: Partial<Omit<TelegramChannelDeps, "handler" | "token" | "apiRoot" | "mode" | "logger">>;
  secret?: string;
}

export const SECRET = "s3cret-Token_1";

/** A fake Bot API server and the real channel talking to it, started. */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const fake = new FakeTelegramServer(opts.fake);
  await fake.start();
  const events = new EventEmitter().setMaxListeners(0);
  const received: IncomingMessage[] = [];
  const mode: TelegramChannelDeps["mode"] =
    opts.mode === "webhook"
      ? {
          kind: "webhook",
          url: "https://bot.example.test/telegram",
          secret: opts.secret ?? SECRET,
        }
      : { kind: "polling" };
  let http: HttpServer | undefined;
  let httpPort = 0;
  const harness: Harness = {
    fake,
    received,
    handler: echo,
    channel: createTelegramChannel({
      token: fake.token,
      apiRoot: fake.apiRoot,
      mode,
      logger: pino({ level: "silent" }),
      handler: async (msg) => {
        received.push(msg);
        events.emit("received");
        return harness.handler(msg);
      },
      ...opts.channel,
    }),
    waitForReceived(count) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          events.off("received", check);
          resolve(received);
        };
        const timer = setTimeout(() => {
          events.off("received", check);
          reject(new Error(`Timed out waiting for ${count} received message(s); got ${received.length}`));
        }, 10_000);
        events.on("received", check);
        check();
      });
    },
    webhookUrl() {
      return `http://127.0.0.1:${httpPort}/telegram`;
    },
    async close() {
      await harness.channel.stop();
      await http?.stop();
      await fake.close();
    },
  };
  if (harness.channel.webhook) {
    // The webhook is served by the bot's HTTP server, as main.ts mounts it.
    http = createHttpServer({
      host: "127.0.0.1",
      port: 0,
      logger: pino({ level: "silent" }),
      mounts: [{ path: "/telegram", app: harness.channel.webhook }],
      health: { database: async () => ({ ok: true }), readiness: async () => ({}) },
    });
    httpPort = (await http.start()).port;
  }
  await harness.channel.start();
  return harness;
}

export interface Gate {
  promise: Promise<void>;
  open(): void;
}

/** A promise the test resolves when it wants a slow handler to finish. */
export function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

export function reply(...lines: string[]): OutgoingMessage[] {
  return lines.map((line) => ({ text: [line] }));
}

export { plainText };
