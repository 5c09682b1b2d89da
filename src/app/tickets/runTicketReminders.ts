import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import { workingHoursBetween } from "../../core/tickets/workingHours.ts";
import { markReminded, secretariatContacts } from "../../db/queries/tickets.ts";
import { unremindedOpenTickets } from "../../db/queries/ticketViews.ts";
import { kindLabel, type TicketKit } from "./ticketKit.ts";

const PREVIEW_CHARS = 300;

/**
 * Reminds a competition's secretariat, once per ticket, of every ticket still unanswered after
 * TICKET_REMIND_HOURS working hours (Mon–Fri 08:00–16:00 in the competition's zone), through the
 * outbox. Run by the delivery worker with the deadline reminders; safe to run from several
 * processes (the reminder is claimed before it is queued). Returns the tickets reminded.
 */
export async function runTicketReminders(kit: TicketKit): Promise<number[]> {
  const now = kit.clock();
  // No ticket younger than the service level in wall time can be over it in working time.
  const candidates = await unremindedOpenTickets(
    kit.db,
    new Date(now.getTime() - kit.remindHours * 3_600_000),
  );
  const reminded: number[] = [];
  for (const t of candidates) {
    const tz = await kit.timezoneOf(t.competitionId);
    if (workingHoursBetween(t.createdAt, now, tz) < kit.remindHours) continue;
    if (!(await markReminded(kit.db, t.id, now))) continue;
    const staff = await secretariatContacts(kit.db, t.competitionId);
    const text = t.text.length > PREVIEW_CHARS ? `${t.text.slice(0, PREVIEW_CHARS - 1)}…` : t.text;
    await kit.tell(
      t.competitionId,
      staff.map((contactId) => ({ contactId })),
      (l) =>
        ticketTexts(l).reminder(
          t.number,
          kindLabel(t.kind, l),
          kit.remindHours,
          t.proposal?.code ?? "",
          text,
        ),
      `ticket #${t.number}: reminder`,
    );
    reminded.push(t.number);
  }
  return reminded;
}
