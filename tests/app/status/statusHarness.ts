import { randomUUID } from "node:crypto";
import pino from "pino";
import { createCompetitionCache } from "../../../src/app/competitionCache.ts";
import { createApp } from "../../../src/app/createApp.ts";
import { createMessageHandler } from "../../../src/app/createMessageHandler.ts";
import { createNotifier } from "../../../src/app/notifier.ts";
import { createStatusRoutes } from "../../../src/app/status/createStatusRoutes.ts";
import type { ChannelName, ChannelSender, OutgoingMessage } from "../../../src/core/messages.ts";
import { plainText } from "../../../src/core/messages.ts";
import { KIPP, Person, seedKipp } from "../../helpers/appHarness.ts";
import { deliverOutbox } from "../../helpers/deliverOutbox.ts";
import type { TestDb } from "../../helpers/testDb.ts";

export { KIPP, Person };

/** The clock of these tests: the demo competition's timeline is laid out around it. */
export const NOW = new Date("2026-11-22T03:00:00Z");
export const silent = pino({ level: "silent" });

/** A channel sender that remembers what it was asked to send. */
export function recordingSender(name: ChannelName) {
  const sent: { chatId: string; text: string; msg: OutgoingMessage }[] = [];
  const sender: ChannelSender & { sent: typeof sent } = {
    name,
    sent,
    async send(chatId, msg) {
      sent.push({ chatId, text: plainText(msg.text), msg });
      return { messageId: String(sent.length) };
    },
  };
  return sender;
}

/** The demo KIPP competition (open, timeline around NOW); returns its id. */
export async function seedCompetition(db: TestDb): Promise<string> {
  await seedKipp(db, NOW);
  return (
    await db.prisma.competition.findFirstOrThrow({
      where: { slug: "demo-kipp-2023-umum" },
      select: { id: true },
    })
  ).id;
}

let seq = 0;
const CODE_CHARS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A proposal of a fresh unit, with a StageEvent per stage passed (a day apart, ending now). */
export async function seedProposal(
  db: TestDb,
  competitionId: string,
  o: {
    title?: string;
    stage?: string;
    group?: string;
    category?: string;
    unit?: string;
    readiness?: number;
    passed?: string[];
  } = {},
) {
  seq++;
  const code = `KP-${[...randomUUID().replace(/-/g, "").slice(0, 4)].map((c) => CODE_CHARS[Number.parseInt(c, 16) % CODE_CHARS.length]).join("")}`;
  const unit = await db.prisma.unit.create({
    data: { name: o.unit ?? `Unit ${seq} ${randomUUID().slice(0, 4)}`, instansi: "Pemkab Uji" },
  });
  const stages = o.passed ?? [o.stage ?? KIPP.stages[0]!.key];
  const p = await db.prisma.proposal.create({
    data: {
      code,
      competitionId,
      unitId: unit.id,
      title: o.title ?? `Inovasi ${seq}`,
      group: o.group ?? "umum",
      category: o.category ?? "",
      stage: o.stage ?? stages[stages.length - 1]!,
      readiness: o.readiness ?? 0,
      createdAt: new Date(NOW.getTime() - stages.length * 86_400_000),
      events: {
        create: stages.map((s, i) => ({
          stage: s,
          createdAt: new Date(NOW.getTime() - (stages.length - 1 - i) * 86_400_000),
        })),
      },
    },
    select: { id: true, code: true, unitId: true, title: true },
  });
  return p;
}

/** A chat contact (real channel identity) who belongs to the unit. */
export async function seedMember(
  db: TestDb,
  unitId: string | undefined,
  o: {
    channel?: ChannelName;
    userId?: string;
    locale?: "id" | "en";
    optedOut?: boolean;
    phone?: string;
    lastActiveAt?: Date;
  } = {},
) {
  const userId = o.userId ?? `u-${randomUUID().slice(0, 8)}`;
  const c = await db.prisma.contact.create({
    data: {
      locale: o.locale ?? "id",
      optedOut: o.optedOut ?? false,
      lastActiveAt: o.lastActiveAt ?? NOW,
      identities: { create: { channel: o.channel ?? "telegram", externalId: userId, phone: o.phone } },
      ...(unitId ? { memberships: { create: { unitId } } } : {}),
    },
    select: { id: true },
  });
  return { contactId: c.id, userId };
}

export async function makeSecretariat(
  db: TestDb,
  competitionId: string,
  userId = `sek-${randomUUID().slice(0, 6)}`,
) {
  const m = await seedMember(db, undefined, { userId });
  await db.prisma.staffRole.create({ data: { contactId: m.contactId, competitionId, role: "secretariat" } });
  return m;
}

/** The app with the status routes in front of the coaching dialogue, and recording senders. */
export function makeStatusApp(db: TestDb, opts: { now?: Date } = {}) {
  const now = () => opts.now ?? NOW;
  const telegram = recordingSender("telegram");
  const whatsapp = recordingSender("whatsapp");
  const senders = new Map<ChannelName, ChannelSender>([
    ["telegram", telegram],
    ["whatsapp", whatsapp],
  ]);
  const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
  const notifier = createNotifier({ db: db.prisma, quietHours: null, now });
  const routes = createStatusRoutes({
    db: db.prisma,
    competitions,
    notifier,
    logger: silent,
    timezone: "Asia/Jakarta",
    now,
  });
  const handler = createMessageHandler({
    db: db.prisma,
    competitions,
    logger: silent,
    defaultLocale: "id",
    timezone: "Asia/Jakarta",
    now,
    middleware: [routes],
  });
  return {
    handler,
    telegram,
    whatsapp,
    notifier,
    /** Sends what the bot queued (notifications), as the dispatcher would. */
    deliver: () => deliverOutbox(db.prisma, senders),
    person: (userId?: string, channel: ChannelName = "telegram") => new Person(handler, userId, channel),
  };
}

/** The whole app (every route in front of the dialogue) as a channel sees it, at NOW. */
export function wholeApp(db: TestDb) {
  return createApp({
    db: db.prisma,
    logger: silent,
    defaultLocale: "id",
    timezone: "Asia/Jakarta",
    senders: new Map(),
    broadcast: { telegramPerSecond: 25, quietHours: null },
    now: () => NOW,
  }).handler;
}
