import { describe } from "../../core/broadcast/deliveryPolicy.ts";
import { firstAllowed, type QuietHours } from "../../core/broadcast/quietHours.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { insertDirectNotification } from "../../db/queries/directNotifications.ts";
import { competitionTimezone } from "../../db/queries/notifications.ts";
import type { TicketView } from "../../db/queries/ticketViews.ts";
import type { Logger } from "../../logger.ts";
import type { CompetitionCache } from "../competitionCache.ts";

/** Longest question, answer or appeal reason kept (longer ones are refused, never cut). */
export const MAX_TICKET_CHARS = 2_000;
/** Tickets a person may open per calendar day (competition time zone). */
export const MAX_TICKETS_PER_DAY = 5;
/** Default service level: a ticket unanswered this many working hours reminds the secretariat. */
export const DEFAULT_REMIND_HOURS = 24;

export interface TicketDeps {
  db: Db;
  competitions: CompetitionCache;
  logger: Logger;
  /** Fallback time zone when a competition has none. */
  timezone: string;
  /** TICKET_REMIND_HOURS: working hours until the secretariat is reminded (and the promised answer time). */
  remindHours?: number;
  /** Quiet hours hold messages to participants (answers), like other notifications; null for none. */
  quietHours?: QuietHours | null;
  /** Told after something was queued (the dispatcher polls at once). */
  onQueued?: () => void;
  now?: () => Date;
}

export interface TicketKit extends TicketDeps {
  clock: () => Date;
  remindHours: number;
  templateOf(competitionId: string): Promise<Template | undefined>;
  timezoneOf(competitionId: string): Promise<string>;
  /** Queues a message to these people through the outbox (never sent inline). */
  tell(
    competitionId: string,
    recipients: { contactId: string; channel?: string }[],
    text: (locale: Locale) => string,
    summary: string,
    actorId?: string,
  ): Promise<number>;
}

export function createTicketKit(deps: TicketDeps): TicketKit {
  const clock = deps.now ?? (() => new Date());
  const zones = new Map<string, string>();
  async function timezoneOf(id: string): Promise<string> {
    let tz = zones.get(id);
    if (!tz) {
      tz = (await competitionTimezone(deps.db, id)) || deps.timezone;
      zones.set(id, tz);
    }
    return tz;
  }
  return {
    ...deps,
    clock,
    remindHours: deps.remindHours ?? DEFAULT_REMIND_HOURS,
    async templateOf(id) {
      return (await deps.competitions.all()).find((c) => c.id === id)?.template;
    },
    timezoneOf,
    async tell(competitionId, recipients, text, summary, actorId) {
      const at = clock();
      const quiet = deps.quietHours ?? null;
      const r = await insertDirectNotification(deps.db, {
        competitionId,
        recipients,
        texts: { id: text("id"), en: text("en") },
        summary,
        firstAttemptAt: quiet ? firstAllowed(at, await timezoneOf(competitionId), quiet) : at,
        createdById: actorId,
        reasons: { noIdentity: describe("no_identity", "no Telegram or WhatsApp identity") },
      });
      if (r.queued > 0) deps.onQueued?.();
      return r.queued;
    },
  };
}

/** The kind's name in a language. */
export function kindLabel(kind: string, locale: Locale): string {
  const k = ticketTexts(locale).kind;
  return k[kind as keyof typeof k] ?? kind;
}

export function statusLabel(status: string, locale: Locale): string {
  const s = ticketTexts(locale).status;
  return s[status as keyof typeof s] ?? status;
}

/** "#12", "12" → 12; else undefined. */
export function ticketNumber(raw: string | undefined): number | undefined {
  const m = /^#?(\d{1,9})$/.exec(raw?.trim() ?? "");
  return m ? Number(m[1]) : undefined;
}

/** Criteria names of a ticket, in a language. */
export function criteriaNames(t: TicketView, template: Template | undefined, locale: Locale): string {
  return t.criteria.map((k) => template?.criteria.find((c) => c.key === k)?.name[locale] ?? k).join(", ");
}
