import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import pino from "pino";
import { type Browser, chromium, type Locator } from "playwright-core";
import { createApp } from "../../../src/app/createApp.ts";
import type { ChannelName, ChannelSender, OutgoingMessage } from "../../../src/core/messages.ts";
import { plainText } from "../../../src/core/messages.ts";
import { mountDashboard } from "../../../src/http/dashboard/mountDashboard.ts";
import { Person } from "../../helpers/appHarness.ts";
import type { TestDb } from "../../helpers/testDb.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SHOTS = "scratch/screenshots";

/** A channel sender that records what the bot sent on its own (notifications, announcements). */
export class RecordingSender implements ChannelSender {
  readonly sent: { chatId: string; text: string }[] = [];
  constructor(readonly name: ChannelName = "telegram") {}
  async send(chatId: string, msg: OutgoingMessage) {
    this.sent.push({ chatId, text: plainText(msg.text) });
    return { messageId: String(this.sent.length) };
  }
  to(chatId: string): string[] {
    return this.sent.filter((s) => s.chatId === chatId).map((s) => s.text);
  }
}

/**
 * The whole app (message handler with every route, delivery worker) and the dashboard served by
 * @hono/node-server on an ephemeral port, as the service would mount it; plus a headless Chromium.
 */
export async function startDashboard(db: TestDb) {
  let root: Hono | undefined;
  const server = serve({ fetch: (req) => root!.fetch(req), port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((r) => (server.listening ? r() : server.once("listening", () => r())));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const dashboardUrl = `${origin}/dashboard`;
  const logger = pino({ level: "silent" });
  const telegram = new RecordingSender("telegram");
  const senders = new Map<ChannelName, ChannelSender>([["telegram", telegram]]);
  const app = createApp({
    db: db.prisma,
    logger,
    defaultLocale: "id",
    timezone: "Asia/Jakarta",
    senders,
    broadcast: { telegramPerSecond: 100, quietHours: null },
    dashboardUrl,
  });
  const mount = mountDashboard({
    db: db.prisma,
    logger,
    competitions: app.competitions,
    notifier: app.notifier,
    dashboardUrl,
    quietHours: null,
    channels: ["telegram"],
    onQueued: () => app.worker.wake(),
  });
  root = new Hono();
  root.route(mount.path, mount.app);
  app.worker.start();
  mkdirSync(SHOTS, { recursive: true });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox"],
  });
  return {
    origin,
    dashboardUrl,
    app,
    telegram,
    browser,
    person: (userId?: string) => new Person(app.handler, userId),
    /** Waits until the bot sent the chat a message containing `text` on its own; returns it. */
    async sentTo(chatId: string, text: string, timeoutMs = 10_000): Promise<string> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const hit = telegram.to(chatId).find((t) => t.includes(text));
        if (hit) return hit;
        if (Date.now() > end)
          throw new Error(`no message with "${text}" to ${chatId}: ${JSON.stringify(telegram.to(chatId))}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await browser.close();
      await app.worker.stop();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A contact known on Telegram by `userId` with a staff role on a competition. */
export async function grantStaff(
  db: TestDb,
  o: {
    userId: string;
    name: string;
    competitionId: string;
    role: "secretariat" | "judge";
    judgeRef?: string;
  },
): Promise<string> {
  const existing = await db.prisma.channelIdentity.findUnique({
    where: { channel_externalId: { channel: "telegram", externalId: o.userId } },
    select: { contactId: true },
  });
  const contactId =
    existing?.contactId ??
    (
      await db.prisma.contact.create({
        data: { displayName: o.name, identities: { create: { channel: "telegram", externalId: o.userId } } },
        select: { id: true },
      })
    ).id;
  await db.prisma.staffRole.create({
    data: { contactId, competitionId: o.competitionId, role: o.role, judgeRef: o.judgeRef ?? "" },
  });
  return contactId;
}

/** The sign-in link in a /masuk reply. */
export function linkIn(reply: string): string {
  const m = /https?:\/\/\S+\/masuk\/[A-Za-z0-9_-]+/.exec(reply);
  if (!m) throw new Error(`no sign-in link in: ${reply}`);
  return m[0];
}

/** Waits until the (first) element's text contains `expected`; fails with what it showed instead. */
export async function seeText(loc: Locator, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    last =
      (await loc
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => null)) ?? "";
    if (typeof expected === "string" ? last.includes(expected) : expected.test(last)) return last;
    if (Date.now() > end)
      throw new Error(`expected ${String(expected)} in ${JSON.stringify(last.slice(0, 500))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
