import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import pino from "pino";
import { createApp } from "../../../src/app/createApp.ts";
import { createCloudChannel } from "../../../src/channels/whatsapp-cloud/createCloudChannel.ts";
import { createGraphClient } from "../../../src/channels/whatsapp-cloud/createGraphClient.ts";
import type { ChannelName, ChannelSender, MessageHandler } from "../../../src/core/messages.ts";
import { createCloudStore } from "../../../src/db/createCloudStore.ts";
import type { UpdateInbox } from "../../../src/db/queries/inboxUpdates.ts";
import { FakeGraphApi, type FakeGraphOptions } from "../../fakes/fakeGraphApi.ts";
import type { TestDb } from "../../helpers/testDb.ts";

export const TOKEN = "EAAG-test-token-0123456789abcdef";
export const PHONE_ID = "109876543210";
export const WABA = "20987654321";
export const SECRET = "app-secret-0123456789abcdef";
export const VERIFY = "verify-me-please";

export interface CloudHarness {
  fake: FakeGraphApi;
  url: string;
  channel: ReturnType<typeof createCloudChannel>;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/**
 * The real Cloud API channel and the real app on a real database, its webhook served over HTTP
 * the way the HTTP surface mounts it (/whatsapp), talking to the fake Graph API.
 */
export async function startCloudHarness(
  db: TestDb,
  opts: {
    fake?: Partial<FakeGraphOptions>;
    perSecond?: number;
    dailyTier?: number;
    now?: () => Date;
    inbox?: UpdateInbox;
    /** Replaces the app's handler (a process that hangs, say). */
    handler?: MessageHandler;
    /** Another process of the same deployment: the same Meta (the fake stays open on close). */
    sharing?: FakeGraphApi;
  } = {},
): Promise<CloudHarness> {
  const fake =
    opts.sharing ??
    new FakeGraphApi({
      token: TOKEN,
      phoneNumberId: PHONE_ID,
      appSecret: SECRET,
      wabaId: WABA,
      ...opts.fake,
    });
  if (!opts.sharing) await fake.start();
  const logger = pino({ level: "silent" });
  const senders = new Map<ChannelName, ChannelSender>();
  const app = createApp({
    db: db.prisma,
    logger,
    defaultLocale: "id",
    timezone: "Asia/Jakarta",
    senders,
    broadcast: { telegramPerSecond: 25, quietHours: null, whatsappPerSecond: opts.perSecond ?? 80 },
    now: opts.now,
  });
  const channel = createCloudChannel({
    handler: opts.handler ?? app.handler,
    ...(opts.inbox ? { inbox: opts.inbox } : {}),
    graph: createGraphClient({
      graphUrl: `${fake.baseUrl}/v23.0`,
      token: TOKEN,
      phoneNumberId: PHONE_ID,
      businessAccountId: WABA,
    }),
    store: createCloudStore(db.prisma, { dailyTier: opts.dailyTier ?? Infinity, templateTtlMs: 0 }),
    logger,
    verifyToken: VERIFY,
    appSecret: SECRET,
    flood: { limit: 10_000, windowMs: 60_000 },
  });
  senders.set("whatsapp", channel.sender);
  const http = new Hono().route("/whatsapp", channel.webhook);
  const server = serve({ fetch: http.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((r) => server.once("listening", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp`;
  fake.setWebhook(url);
  return {
    fake,
    url,
    channel,
    app,
    async close() {
      await app.worker.stop();
      await fake.settle();
      await channel.stop();
      await new Promise<void>((r) => server.close(() => r()));
      if (!opts.sharing) await fake.stop();
    },
  };
}

/** Polls until the condition holds (the webhook answers before the turn is done). */
export async function until<T>(f: () => T | Promise<T>, what: string, ms = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
