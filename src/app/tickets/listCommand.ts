import { formatShortDate } from "../../core/i18n/broadcastTexts.ts";
import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { OutgoingMessage } from "../../core/messages.ts";
import { workingHoursBetween } from "../../core/tickets/workingHours.ts";
import { ticketMessages } from "../../db/queries/tickets.ts";
import { ticketByNumber, ticketQueue, ticketsVisibleToMember } from "../../db/queries/ticketViews.ts";
import { loadAccess } from "../access.ts";
import type { ContactView } from "../resolveContact.ts";
import { recordDenied } from "../status/routeKit.ts";
import { canSeeTicket } from "./ticketAccess.ts";
import { criteriaNames, kindLabel, statusLabel, type TicketKit, ticketNumber } from "./ticketKit.ts";

const QUEUE_SHOWN = 20;
const PREVIEW_CHARS = 120;

/**
 * /tiket: a participant's own and their unit's tickets with status; for the secretariat, the
 * open queue of their competitions, oldest first. /tiket <nomor> shows one ticket to those who
 * may see it.
 */
export async function listCommand(
  kit: TicketKit,
  contact: ContactView,
  arg: string | undefined,
): Promise<OutgoingMessage[]> {
  const L = contact.locale;
  const t = ticketTexts(L);
  const access = await loadAccess(kit.db, contact.id);
  const n = ticketNumber(arg);
  if (arg && n !== undefined) return showOne(kit, contact, n);
  if (access.secretariatOf.length > 0) {
    const queue = await ticketQueue(kit.db, {
      competitionIds: access.secretariatOf,
      status: "open",
      limit: QUEUE_SHOWN,
    });
    if (queue.length === 0) return [{ text: [t.queueEmpty] }];
    const now = kit.clock();
    const lines = [t.queueHeader(queue.length)];
    for (const q of queue) {
      const tz = await kit.timezoneOf(q.competitionId);
      const hours = Math.floor(workingHoursBetween(q.createdAt, now, tz));
      lines.push(
        t.queueLine(
          q.number,
          kindLabel(q.kind, L),
          t.ageHours(hours),
          q.proposal?.code ?? "",
          preview(q.text),
        ),
      );
    }
    return [{ text: [lines.join("\n")] }];
  }
  const mine = await ticketsVisibleToMember(kit.db, contact.id);
  if (mine.length === 0) return [{ text: [t.listEmpty] }];
  const lines = [t.listHeader];
  for (const m of mine) {
    const tz = await kit.timezoneOf(m.competitionId);
    lines.push(
      t.listLine(
        m.number,
        kindLabel(m.kind, L),
        statusLabel(m.status, L),
        formatShortDate(m.createdAt, L, tz),
        m.proposal?.code ?? "",
      ),
    );
  }
  return [{ text: [lines.join("\n")] }];
}

async function showOne(kit: TicketKit, contact: ContactView, n: number): Promise<OutgoingMessage[]> {
  const L = contact.locale;
  const t = ticketTexts(L);
  const ticket = await ticketByNumber(kit.db, n);
  const access = await loadAccess(kit.db, contact.id);
  if (!ticket || !(await canSeeTicket(kit.db, access, ticket))) {
    await recordDenied(kit.db, contact.id, "ticket", `#${n}`);
    return [{ text: [t.notVisible(`#${n}`)] }];
  }
  const tz = await kit.timezoneOf(ticket.competitionId);
  const template = await kit.templateOf(ticket.competitionId);
  const lines = [t.detailHeader(ticket.number, kindLabel(ticket.kind, L), statusLabel(ticket.status, L))];
  if (ticket.proposal) lines.push(t.detailProposal(ticket.proposal.code, ticket.proposal.title));
  if (ticket.criteria.length) lines.push(t.detailCriteria(criteriaNames(ticket, template, L)));
  lines.push("", t.detailAsked(formatShortDate(ticket.createdAt, L, tz)), ticket.text);
  for (const m of await ticketMessages(kit.db, ticket.id)) {
    if (m.kind === "correction" && !access.isSecretariat(ticket.competitionId)) continue;
    lines.push("", t.detailAnswer(formatShortDate(m.createdAt, L, tz)), m.text);
  }
  return [{ text: [lines.join("\n")] }];
}

function preview(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > PREVIEW_CHARS ? `${one.slice(0, PREVIEW_CHARS - 1)}…` : one;
}
