import { Api } from "grammy";
import pino from "pino";
import { createAnnouncement } from "../../../src/app/broadcast/createAnnouncement.ts";
import { createBroadcastRoutes } from "../../../src/app/broadcast/createBroadcastRoutes.ts";
import {
  createDeliveryWorker,
  type DeliveryWorkerDeps,
} from "../../../src/app/broadcast/createDeliveryWorker.ts";
import { resolveAudience } from "../../../src/app/broadcast/resolveAudience.ts";
import { createCompetitionCache } from "../../../src/app/competitionCache.ts";
import { createTelegramSender } from "../../../src/channels/telegram/createTelegramSender.ts";
import { type Audience, EVERYONE } from "../../../src/core/broadcast/audienceSchema.ts";
import { DEFAULT_QUIET_HOURS, type QuietHours } from "../../../src/core/broadcast/quietHours.ts";
import type { ChannelName, ChannelSender } from "../../../src/core/messages.ts";
import { FakeTelegramServer, type RateLimits } from "../../fakes/fakeTelegramServer.ts";
import { KIPP, makeHandler } from "../../helpers/appHarness.ts";
import type { TestDb } from "../../helpers/testDb.ts";

export { KIPP };
export const silent = pino({ level: "silent" });
/** 10:00 WIB on a weekday: outside quiet hours. */
export const DAYTIME = new Date("2026-11-23T03:00:00Z");
export const SECTION_KEYS = KIPP.sections.map((s) => s.key);

/** A competition from the KIPP template; deadline and time zone as given. */
export async function seedCompetition(
  db: TestDb,
  o: { slug?: string; deadline?: Date; timezone?: string; reminderDays?: number[] } = {},
): Promise<string> {
  const c = await db.prisma.competition.create({
    data: {
      slug: o.slug ?? "kipp-test",
      name: "KIPP 2026",
      templateId: KIPP.id,
      template: KIPP,
      timeline: { submission_deadline: (o.deadline ?? new Date("2026-12-20T16:59:00Z")).toISOString() },
      timezone: o.timezone ?? "Asia/Jakarta",
      ...(o.reminderDays ? { reminderDays: o.reminderDays } : {}),
    },
    select: { id: true },
  });
  return c.id;
}

export interface ParticipantSpec {
  /** Telegram chat id; none = no Telegram identity. */
  telegram?: number;
  /** WhatsApp JID; none = no WhatsApp identity. */
  whatsapp?: string;
  stage?: string;
  group?: string;
  category?: string;
  region?: string;
  optedOut?: boolean;
  locale?: "id" | "en";
  name?: string;
  /** Section keys marked complete. */
  complete?: string[];
}

let seq = 0;

/**
 * Participants in bulk, each with their own unit and proposal (a few statements for any count).
 * Returns the contact ids in order.
 */
export async function seedParticipants(
  db: TestDb,
  competitionId: string,
  specs: ParticipantSpec[],
): Promise<string[]> {
  const base = ++seq;
  const ids = specs.map((_, i) => `c${base}x${i}`);
  const p = db.prisma;
  await p.unit.createMany({
    data: specs.map((s, i) => ({
      id: `u${base}x${i}`,
      name: `Unit ${base}-${i}`,
      region: s.region ?? "Jawa Tengah",
    })),
  });
  await p.contact.createMany({
    data: specs.map((s, i) => ({
      id: ids[i]!,
      displayName: s.name ?? `Peserta ${i}`,
      locale: s.locale ?? "id",
      optedOut: s.optedOut ?? false,
    })),
  });
  await p.channelIdentity.createMany({
    data: specs.flatMap((s, i) => [
      ...(s.telegram !== undefined
        ? [{ contactId: ids[i]!, channel: "telegram", externalId: String(s.telegram) }]
        : []),
      ...(s.whatsapp !== undefined
        ? [{ contactId: ids[i]!, channel: "whatsapp", externalId: s.whatsapp }]
        : []),
    ]),
  });
  await p.membership.createMany({
    data: specs.map((_, i) => ({ contactId: ids[i]!, unitId: `u${base}x${i}` })),
  });
  await p.proposal.createMany({
    data: specs.map((s, i) => ({
      id: `p${base}x${i}`,
      competitionId,
      unitId: `u${base}x${i}`,
      code: `KP-${base}X${i}`,
      title: `Inovasi ${i}`,
      stage: s.stage ?? "pendaftaran",
      group: s.group ?? "umum",
      category: s.category ?? "",
    })),
  });
  const drafts = specs.flatMap((s, i) =>
    (s.complete ?? []).map((key) => ({
      proposalId: `p${base}x${i}`,
      sectionKey: key,
      text: "…",
      mark: "complete",
    })),
  );
  if (drafts.length) await p.sectionDraft.createMany({ data: drafts });
  return ids;
}

/** A contact who is secretariat of the competition, reachable on Telegram at chatId. */
export async function seedSecretariat(db: TestDb, competitionId: string, chatId: number): Promise<string> {
  const c = await db.prisma.contact.create({
    data: {
      displayName: "Biro Organisasi",
      identities: { create: { channel: "telegram", externalId: String(chatId) } },
      staffRoles: { create: { competitionId, role: "secretariat" } },
    },
    select: { id: true },
  });
  return c.id;
}

/** A fake Bot API with rate limits and the real Telegram sender in front of it. */
export async function startTelegram(limits: RateLimits = {}) {
  const server = new FakeTelegramServer({ limits });
  await server.start();
  const api = new Api(server.token, { apiRoot: server.apiRoot });
  const sender = createTelegramSender({ api, retryingApi: api, logger: silent });
  return { server, sender };
}

/** A clock that starts at `from` and runs with real time (retries and leases come due). */
export function runningClock(from: Date = DAYTIME): () => Date {
  const started = Date.now();
  return () => new Date(from.getTime() + (Date.now() - started));
}

/** A worker with test-friendly timings; pass senders and overrides. */
export function makeWorker(
  db: TestDb,
  senders: [ChannelName, ChannelSender][],
  o: Partial<DeliveryWorkerDeps> = {},
) {
  return createDeliveryWorker({
    db: db.prisma,
    senders: new Map(senders),
    logger: silent,
    now: runningClock(),
    pollMs: 20,
    progressEveryMs: 50,
    ...o,
  });
}

/** The chat handler with the broadcast routes in front of the coaching dialogue. */
export function makeBroadcastHandler(db: TestDb, o: { now?: () => Date; onQueued?: () => void } = {}) {
  const now = o.now ?? (() => DAYTIME);
  const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
  const routes = createBroadcastRoutes({
    db: db.prisma,
    competitions,
    logger: silent,
    now,
    onQueued: o.onQueued,
  });
  return makeHandler(db, { middleware: [routes], now, competitions });
}

/** Polls until check() is truthy. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function announcementStatus(db: TestDb, id: string): Promise<string | undefined> {
  return (await db.prisma.announcement.findUnique({ where: { id }, select: { status: true } }))?.status;
}

/** Counts messages per chat in the fake (a broadcast must be 1 each). */
export function perChat(server: FakeTelegramServer, chats: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>(chats.map((c) => [c, 0]));
  for (const m of server.messages) if (counts.has(m.chatId)) counts.set(m.chatId, counts.get(m.chatId)! + 1);
  return counts;
}

/** Resolves an audience and queues an announcement, as /umumkan and the CLI do. */
export async function queueAnnouncement(
  db: TestDb,
  competitionId: string,
  o: {
    audience?: Audience;
    text?: string;
    at?: Date;
    urgent?: boolean;
    progressChat?: { channel: "telegram" | "whatsapp"; chatId: string };
    quiet?: QuietHours | null;
    createdById?: string;
  } = {},
) {
  const audience = o.audience ?? EVERYONE;
  const r = await resolveAudience(db.prisma, competitionId, audience, { sectionKeys: SECTION_KEYS });
  return createAnnouncement(db.prisma, {
    competitionId,
    timezone: "Asia/Jakarta",
    audience,
    text: o.text ?? "Batas unggah proposal 20 Desember pukul 23.59 WIB.",
    recipients: r.recipients,
    scheduledAt: o.at ?? DAYTIME,
    urgent: o.urgent,
    createdById: o.createdById,
    quiet: o.quiet === undefined ? DEFAULT_QUIET_HOURS : o.quiet,
    ...(o.progressChat
      ? { progressRef: { version: 1 as const, ...o.progressChat, locale: "id" as const } }
      : {}),
  });
}

export async function deliveries(db: TestDb, announcementId: string) {
  return db.prisma.delivery.findMany({
    where: { announcementId },
    select: {
      contactId: true,
      externalId: true,
      channel: true,
      status: true,
      attempts: true,
      lastError: true,
      nextAttemptAt: true,
    },
    orderBy: { contactId: "asc" },
  });
}
