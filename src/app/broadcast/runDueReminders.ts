import { EVERYONE, type PushChannel } from "../../core/broadcast/audienceSchema.ts";
import { DEFAULT_QUIET_HOURS, firstAllowed, type QuietHours } from "../../core/broadcast/quietHours.ts";
import { DEFAULT_REMINDER_DAYS, dueReminder, reminderKey } from "../../core/broadcast/reminderSchedule.ts";
import { broadcastTexts, formatWhen } from "../../core/i18n/broadcastTexts.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { reminderSettings } from "../../db/queries/competitions.ts";
import { proposalsWithCompleteSections } from "../../db/queries/proposals.ts";
import { addDeliveries, deliveredContacts, findReminder } from "../../db/queries/reminders.ts";
import { isUniqueViolation } from "../../db/sql.ts";
import type { CompetitionCache } from "../competitionCache.ts";
import { createAnnouncement } from "./createAnnouncement.ts";
import { type Recipient, resolveAudience } from "./resolveAudience.ts";

export interface ReminderDeps {
  db: Db;
  competitions: CompetitionCache;
  now: Date;
  channels?: readonly PushChannel[];
  quiet?: QuietHours | null;
}

export interface CreatedReminder {
  competitionId: string;
  announcementId: string;
  days: number;
  recipients: number;
  /** True when this run added people who joined after the reminder was first queued. */
  addedLater?: boolean;
}

const INCOMPLETE = { ...EVERYONE, filters: [{ kind: "incomplete" as const }] };

/**
 * Queues the deadline reminders that are due: for each open competition with a submission
 * deadline, the nearest planned day (Competition.reminderDays, default 7, 3, 1 days before) whose
 * time has come. Each goes to the members of incomplete proposals, naming their missing sections
 * in the member's language, and exists once: its dedupe key is unique, so running this twice, or
 * in two processes at once, queues it once.
 */
export async function runDueReminders(deps: ReminderDeps): Promise<CreatedReminder[]> {
  const { db, now } = deps;
  const open = (await deps.competitions.all()).filter(
    (c) => c.isOpen && c.deadline && !Number.isNaN(c.deadline.getTime()),
  );
  if (open.length === 0) return [];
  const settings = await reminderSettings(
    db,
    open.map((c) => c.id),
  );
  const created: CreatedReminder[] = [];
  for (const c of open) {
    const s = settings.find((x) => x.id === c.id);
    if (!s) continue;
    const deadline = c.deadline!;
    const due = dueReminder({
      deadline,
      reminderDays: s.reminderDays.length > 0 ? s.reminderDays : DEFAULT_REMINDER_DAYS,
      timeZone: s.timezone,
      now,
    });
    if (!due) continue;
    const key = reminderKey(c.id, deadline, due.days);
    const existing = await findReminder(db, key);
    // Resolved on every run while the reminder is the current one, so people added after it was
    // first queued (units imported later) get it too.
    const audience = await resolveAudience(db, c.id, INCOMPLETE, {
      sectionKeys: c.template.sections.map((x) => x.key),
      channels: deps.channels,
    });
    const reachable = audience.recipients.filter((r) => !r.optedOut && r.channel && r.externalId);
    if (existing) {
      const had = await deliveredContacts(db, existing.id);
      const fresh = reachable.filter((r) => !had.has(r.contactId));
      if (fresh.length === 0) continue;
      const texts = await reminderTexts(db, c.template, fresh, due.daysLeft, deadline, s.timezone);
      const quiet = deps.quiet === undefined ? DEFAULT_QUIET_HOURS : deps.quiet;
      const added = await addDeliveries(
        db,
        existing.id,
        fresh.map((r) => ({
          contactId: r.contactId,
          channel: r.channel!,
          externalId: r.externalId!,
          text: texts.get(r.contactId),
        })),
        quiet ? firstAllowed(now, s.timezone, quiet) : now,
      );
      if (added > 0)
        created.push({
          competitionId: c.id,
          announcementId: existing.id,
          days: due.days,
          recipients: added,
          addedLater: true,
        });
      continue;
    }
    // Nobody to tell yet (a competition created with a reminder already due, before its units are
    // imported): the reminder is not used up; a later run sends it once there are people.
    if (reachable.length === 0) continue;
    const texts = await reminderTexts(
      db,
      c.template,
      audience.recipients,
      due.daysLeft,
      deadline,
      s.timezone,
    );
    try {
      const r = await createAnnouncement(db, {
        competitionId: c.id,
        timezone: s.timezone,
        audience: INCOMPLETE,
        kind: "reminder",
        dedupeKey: key,
        text: broadcastTexts("id").reminderSummary(due.daysLeft, formatWhen(deadline, "id", s.timezone)),
        recipients: audience.recipients.map((r) => ({ ...r, text: texts.get(r.contactId) })),
        scheduledAt: now,
        quiet: deps.quiet === undefined ? DEFAULT_QUIET_HOURS : deps.quiet,
      });
      created.push({ competitionId: c.id, announcementId: r.id, days: due.days, recipients: r.queued });
    } catch (e) {
      // Another process queued the same reminder a moment ago.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  return created;
}

/** Each recipient's reminder: the deadline and, per incomplete proposal, the sections still missing. */
async function reminderTexts(
  db: Db,
  template: Template,
  recipients: readonly Recipient[],
  daysLeft: number,
  deadline: Date,
  timeZone: string,
): Promise<Map<string, string>> {
  const ids = [...new Set(recipients.flatMap((r) => r.proposalIds))];
  const proposals = await proposalsWithCompleteSections(db, ids);
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const out = new Map<string, string>();
  for (const r of recipients) {
    const t = broadcastTexts(r.locale);
    const lines = r.proposalIds
      .map((id) => byId.get(id))
      .filter((p) => p !== undefined)
      .sort((a, b) => a.code.localeCompare(b.code))
      .flatMap((p) => {
        const done = new Set(p.complete);
        const missing = template.sections.filter((s) => !done.has(s.key)).map((s) => s.title[r.locale]);
        return missing.length > 0 ? [t.reminderLine(p.code, p.title, missing.join(", "))] : [];
      });
    out.set(
      r.contactId,
      [
        t.reminderBody(daysLeft, formatWhen(deadline, r.locale, timeZone)),
        "",
        t.reminderMissingHeader,
        ...lines,
        "",
        t.reminderClose,
      ].join("\n"),
    );
  }
  return out;
}
