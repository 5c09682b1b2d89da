import type { IncomingMessage } from "../../core/messages.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import type { Logger } from "../../logger.ts";
import type { CompetitionCache } from "../competitionCache.ts";
import type { Notifier } from "../notifier.ts";
import { type CodeGuard, createCodeGuard } from "./codeGuard.ts";

export interface StatusRouteDeps {
  db: Db;
  competitions: CompetitionCache;
  notifier: Notifier;
  logger: Logger;
  /** Fallback time zone for dates when a competition has none. */
  timezone: string;
  now?: () => Date;
}

/** What the routes share: deps plus cached competition lookups. */
export interface RouteKit extends StatusRouteDeps {
  clock: () => Date;
  /** The wrong-code limit per chat account (survives /hapusdata). */
  codes: CodeGuard;
  templateOf(competitionId: string): Promise<Template | undefined>;
  competitionName(competitionId: string): Promise<string>;
  /** Timeline JSON and time zone of a competition, cached for a few seconds. */
  timelineOf(competitionId: string): Promise<{ timeline: Record<string, unknown>; timezone: string }>;
}

const TTL_MS = 5_000;

export function createRouteKit(deps: StatusRouteDeps): RouteKit {
  const clock = deps.now ?? (() => new Date());
  const timelines = new Map<
    string,
    { at: number; value: { timeline: Record<string, unknown>; timezone: string } }
  >();
  return {
    ...deps,
    clock,
    codes: createCodeGuard(deps.db),
    async templateOf(id) {
      return (await deps.competitions.all()).find((c) => c.id === id)?.template;
    },
    async competitionName(id) {
      return (await deps.competitions.all()).find((c) => c.id === id)?.name ?? id;
    },
    async timelineOf(id) {
      const hit = timelines.get(id);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
      const row = await deps.db.competition.findUnique({
        where: { id },
        select: { timeline: true, timezone: true },
      });
      const timeline =
        row?.timeline && typeof row.timeline === "object" ? (row.timeline as Record<string, unknown>) : {};
      const value = { timeline, timezone: row?.timezone || deps.timezone };
      timelines.set(id, { at: Date.now(), value });
      return value;
    },
  };
}

const ALIASES: Record<string, string> = {
  status: "status",
  nilai: "nilai",
  skor: "nilai",
  score: "nilai",
  scores: "nilai",
  daftar: "daftar",
  join: "daftar",
  tautkan: "tautkan",
  link: "tautkan",
  tahap: "tahap",
  stage: "tahap",
  rekap: "rekap",
  summary: "rekap",
  report: "rekap",
  keluarkan: "keluarkan",
  remove: "keluarkan",
  kodebaru: "kodebaru",
  newcode: "kodebaru",
};

/** A command of this module ("/Status@bot KP-7Q2M" → { name: "status", args: ["KP-7Q2M"] }), else undefined. */
export function parseCommand(
  text: string | undefined,
): { name: string; args: string[]; rest: string } | undefined {
  const m = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text?.trim() ?? "");
  const name = m ? ALIASES[m[1]!.toLowerCase()] : undefined;
  if (!m || !name) return undefined;
  const rest = (m[2] ?? "").trim();
  return { name, args: rest ? rest.split(/\s+/) : [], rest };
}

/**
 * Marks a message handled; false when it was handled before (a channel delivering an update
 * twice), so a state-changing command acts once.
 */
export async function firstDelivery(db: Db, msg: IncomingMessage): Promise<boolean> {
  const r = await db.processedUpdate.createMany({
    data: [{ channel: msg.channel, updateId: msg.messageId }],
    skipDuplicates: true,
  });
  return r.count > 0;
}

/** A one-to-one chat with the bot (link codes are shown only there). */
export function isPrivateChat(msg: IncomingMessage): boolean {
  if (msg.channel === "whatsapp") return !msg.chatId.endsWith("@g.us");
  if (msg.channel === "telegram") return msg.chatId === msg.userId;
  return true;
}

/** A wrong code, kept in the audit log for the secretariat's review (the limit is CodeGuard's). */
export async function recordFailure(db: Db, contactId: string, kind: string, now: Date): Promise<void> {
  await db.auditLog.create({
    data: { actorId: contactId, action: "link.failed", subject: kind, createdAt: now },
  });
}

/** A refused attempt to see or change what is not the contact's (kept for the secretariat's review). */
export async function recordDenied(db: Db, contactId: string, what: string, subject: string): Promise<void> {
  await db.auditLog.create({
    data: { actorId: contactId, action: "access.denied", subject, details: { what } },
  });
}
