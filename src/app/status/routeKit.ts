import type { IncomingMessage } from "../../core/messages.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { competitionTimeline } from "../../db/queries/competitions.ts";
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
      const row = await competitionTimeline(deps.db, id);
      const timeline =
        row?.timeline && typeof row.timeline === "object" ? (row.timeline as Record<string, unknown>) : {};
      const value = { timeline, timezone: row?.timezone || deps.timezone };
      timelines.set(id, { at: Date.now(), value });
      return value;
    },
  };
}

/** A one-to-one chat with the bot (link codes are shown only there). */
export function isPrivateChat(msg: IncomingMessage): boolean {
  if (msg.channel === "whatsapp") return !msg.chatId.endsWith("@g.us");
  if (msg.channel === "telegram") return msg.chatId === msg.userId;
  return true;
}

/** A wrong code, kept in the audit log for the secretariat's review (the limit is CodeGuard's). */
export async function recordFailure(db: Db, contactId: string, kind: string, now: Date): Promise<void> {
  await recordAudit(db, { actorId: contactId, action: "link.failed", subject: kind, createdAt: now });
}

export { recordDenied } from "../../db/queries/audit.ts";
