import { PassThrough } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAttachmentRoutes } from "../../src/app/attachments/createAttachmentRoutes.ts";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
import { createDocumentRoutes } from "../../src/app/documents/createDocumentRoutes.ts";
import { createPrivacyRoutes } from "../../src/app/privacy/createPrivacyRoutes.ts";
import { createConsoleChannel } from "../../src/channels/console/createConsoleChannel.ts";
import { channelTexts } from "../../src/core/i18n/channelTexts.ts";
import type { IncomingMessage, MessageHandler } from "../../src/core/messages.ts";
import { startHarness } from "../channels/telegram/harness.ts";
import { createHarness as createWhatsAppHarness } from "../channels/whatsapp/harness.ts";
import { inboundMessage } from "../fakes/fakeBaileysSocket.ts";
import { callbackQuery, documentMessage, telegramUser, textMessage } from "../fakes/telegramUpdates.ts";
import { fixture, makeHandler, Person, SECTION_KEYS, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { HOSTILE_COUNT, hostileMessages } from "./hostileMessages.ts";
import { soakReport } from "./soakReport.ts";

/** The soak run sends 10,000 messages per channel: give it time. */
const WAIT_MS = process.env.SOAK ? 1_200_000 : 120_000;
const TEST_MS = WAIT_MS + 180_000;
const soak = soakReport("hostile input", { inProcess: true });

let db: TestDb;
let victimDrafts: Record<string, string>;
let victimCode: string;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
  // Someone else's finished proposal: no hostile message may touch it.
  const victim = new Person(makeHandler(db));
  victimCode = /kode (KP-[A-Z0-9]{10})/.exec(await victim.createProposal("Proposal Korban"))![1]!;
  for (const key of SECTION_KEYS) {
    await victim.press(`sec:${key}`);
    await victim.say(fixture(key, "good"));
    await victim.say("selesai");
  }
  victimDrafts = await drafts(victimCode);
}, 120_000);
afterAll(async () => {
  await db.close();
});

async function drafts(code: string) {
  const rows = await db.prisma.sectionDraft.findMany({
    where: { proposal: { code } },
    select: { sectionKey: true, text: true },
  });
  return Object.fromEntries(rows.map((r) => [r.sectionKey, r.text]));
}

/** The real app (coaching, attachments, documents, privacy), counting what it answered. */
function countingApp() {
  const competitions = createCompetitionCache(db.prisma);
  const app = makeHandler(db, {
    competitions,
    middleware: [
      createPrivacyRoutes({ db: db.prisma }),
      createAttachmentRoutes({ db: db.prisma, competitions, logger: pino({ level: "silent" }) }),
      createDocumentRoutes({ db: db.prisma, competitions, logger: pino({ level: "silent" }) }),
    ],
  });
  const stats = { handled: 0, unanswered: 0, apologies: 0, doubled: 0, inFlight: 0, lastAt: Date.now() };
  const answered = new Set<string>();
  const handler: MessageHandler = async (m: IncomingMessage) => {
    stats.inFlight++;
    const out = await app(m).finally(() => {
      stats.inFlight--;
      stats.lastAt = Date.now();
    });
    stats.handled++;
    if (out.length === 0) stats.unanswered++;
    // The same message answered a second time (a channel handing it over twice).
    else if (answered.has(`${m.channel}:${m.messageId}`)) stats.doubled++;
    else answered.add(`${m.channel}:${m.messageId}`);
    if (out.some((o) => o.text.some((s) => typeof s === "string" && s === channelTexts("id").apology)))
      stats.apologies++;
    return out;
  };
  return { handler, stats };
}

async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

function damagedCount(after: Record<string, string>): number {
  return Object.keys(victimDrafts).filter((k) => after[k] !== victimDrafts[k]).length;
}

function report(
  channel: string,
  sent: number,
  stats: { handled: number; unanswered: number; apologies: number; doubled: number },
  damaged: number,
) {
  // Lost: handed to the app and not answered (the adapter answers the rest itself, e.g. a stale button).
  soak.add({
    sent,
    replies: stats.handled - stats.unanswered,
    lost: stats.unanswered,
    doubled: stats.doubled,
    crashed: stats.apologies,
  });
  // One line per channel, for the soak run's log.
  process.stdout.write(
    `hostile ${channel}: messages ${sent}, handled ${stats.handled}, unanswered ${stats.unanswered}, crashed ${stats.apologies}, drafts damaged ${damaged}\n`,
  );
}

describe("hostile input through each channel adapter", () => {
  it(
    `Telegram: ${HOSTILE_COUNT} hostile updates, every one answered, no crash, no draft damaged`,
    async () => {
      const { handler, stats } = countingApp();
      const h = await startHarness({ channel: { flood: { limit: 1_000_000, windowMs: 1_000 } } });
      h.handler = handler;
      try {
        const users = Array.from({ length: 10 }, (_, i) => telegramUser(9100 + i));
        const msgs = hostileMessages(HOSTILE_COUNT, 7, { callbacks: true, files: true });
        let last = 0;
        msgs.forEach((m, i) => {
          const u = users[i % users.length]!;
          if (m.kind === "text") last = h.fake.injectUpdate(textMessage(u, m.text.slice(0, 4096)));
          else if (m.kind === "callback") last = h.fake.injectUpdate(callbackQuery(u, m.data));
          else {
            const fileId = `f${i}`;
            h.fake.addFile(fileId, m.bytes, { fileName: m.fileName });
            last = h.fake.injectUpdate(
              documentMessage(u, { fileId, fileName: m.fileName, size: m.bytes.byteLength }),
            );
          }
        });
        await h.fake.waitForDelivered(last, WAIT_MS);
        // Every update taken; wait until the bot has been idle for a moment.
        await until(() => stats.inFlight === 0 && Date.now() - stats.lastAt > 500, WAIT_MS);
        const callbacks = msgs.filter((m) => m.kind === "callback").length;
        expect(h.fake.callsOf("answerCallbackQuery").length).toBeGreaterThanOrEqual(callbacks);
        const sentTo = new Set(
          h.fake.callsOf("sendMessage").map((c) => String((c.params as { chat_id: unknown }).chat_id)),
        );
        for (const u of users) expect(sentTo.has(String(u.id))).toBe(true);
        expect(stats.handled).toBeGreaterThan(msgs.length / 2);
        const after = await drafts(victimCode);
        report("telegram", msgs.length, stats, damagedCount(after));
        expect(after).toEqual(victimDrafts);
        expect(stats.apologies).toBe(0);
        expect(stats.unanswered).toBe(0);
        expect(stats.doubled).toBe(0);
      } finally {
        await h.close();
      }
    },
    TEST_MS,
  );

  it(
    `WhatsApp: ${HOSTILE_COUNT} hostile messages, every one answered, formatting neutralised, no crash`,
    async () => {
      const { handler, stats } = countingApp();
      const wa = createWhatsAppHarness({
        reply: (m) => handler(m),
        flood: { limit: 1_000_000, windowMs: 1_000 },
      });
      const socket = await wa.open();
      const msgs = hostileMessages(HOSTILE_COUNT, 11).filter((m) => m.kind === "text");
      msgs.forEach((m, i) => {
        if (m.kind !== "text") return;
        socket.receive(
          inboundMessage({
            from: `62812000${String(i % 10).padStart(4, "0")}@s.whatsapp.net`,
            id: `H${i}`,
            text: m.text,
          }),
        );
      });
      await until(() => stats.handled >= msgs.length, WAIT_MS);
      expect(stats.handled).toBe(msgs.length);
      const after = await drafts(victimCode);
      report("whatsapp", msgs.length, stats, damagedCount(after));
      expect(after).toEqual(victimDrafts);
      expect(stats.apologies).toBe(0);
      expect(stats.unanswered).toBe(0);
      expect(wa.errors()).toEqual([]);
      await wa.channel.stop();
    },
    TEST_MS,
  );

  it(
    `terminal: ${HOSTILE_COUNT} hostile lines, every one answered, no crash`,
    async () => {
      const { handler, stats } = countingApp();
      const input = new PassThrough();
      const output = new PassThrough();
      output.resume();
      const closed = new Promise<void>((resolve) => {
        const ch = createConsoleChannel({
          handler,
          input,
          output,
          userId: "hostile-console",
          onClose: resolve,
        });
        void ch.start("/mulai");
      });
      const msgs = hostileMessages(HOSTILE_COUNT, 13).filter((m) => m.kind === "text");
      for (const m of msgs) if (m.kind === "text") input.write(`${m.text.replace(/[\r\n]/g, " ")}\n`);
      input.end();
      await closed;
      expect(stats.handled).toBe(msgs.length + 1);
      const after = await drafts(victimCode);
      report("terminal", msgs.length, stats, damagedCount(after));
      expect(after).toEqual(victimDrafts);
      expect(stats.apologies).toBe(0);
      expect(stats.unanswered).toBe(0);
    },
    TEST_MS,
  );
});
