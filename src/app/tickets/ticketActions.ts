import { formatScore } from "../../core/i18n/statusTexts.ts";
import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import { storableText } from "../../core/storableText.ts";
import { saveAnswer } from "../../db/queries/savedAnswers.ts";
import { correctionTarget, hasResult } from "../../db/queries/scoreCorrections.ts";
import { answerTicket, closeTicket } from "../../db/queries/tickets.ts";
import { type TicketView, ticketByNumber } from "../../db/queries/ticketViews.ts";
import { type CorrectionOutcome, correctScore } from "./correctScore.ts";
import { MAX_TICKET_CHARS, type TicketKit } from "./ticketKit.ts";

/** Who acts: a contact in chat (checked against the ticket's competition) or the operator (CLI). */
export interface Actor {
  actorId?: string;
  /** May this actor work the tickets of a competition? The CLI allows all. */
  may(competitionId: string): boolean;
}

export type ActionOutcome =
  | { kind: "notFound" }
  | { kind: "denied"; ticket: TicketView }
  | { kind: "closed"; ticket: TicketView }
  | { kind: "tooLong" }
  | { kind: "notAppeal"; ticket: TicketView }
  | { kind: "done"; ticket: TicketView; queued: number };

async function find(kit: TicketKit, number: number, actor: Actor) {
  const ticket = await ticketByNumber(kit.db, number);
  if (!ticket) return { kind: "notFound" } as const;
  if (!actor.may(ticket.competitionId)) return { kind: "denied", ticket } as const;
  return { kind: "found", ticket } as const;
}

/** The person who asked, on the channel they asked on (nobody once they erased their data). */
function asker(t: TicketView) {
  return t.contactId ? [{ contactId: t.contactId, channel: t.channel || undefined }] : [];
}

/** The secretariat answers; the answer goes to the asker through the outbox; optionally saved for reuse. */
export async function answerAction(
  kit: TicketKit,
  actor: Actor,
  input: { number: number; text: string; save?: boolean },
): Promise<ActionOutcome> {
  // Chat text is made storable by the message handler; the CLI and the dashboard pass raw text.
  const a = { ...input, text: storableText(input.text).trim() };
  const f = await find(kit, a.number, actor);
  if (f.kind !== "found") return f;
  const ticket = f.ticket;
  if (ticket.status === "closed") return { kind: "closed", ticket };
  if (a.text.length > MAX_TICKET_CHARS) return { kind: "tooLong" };
  const at = kit.clock();
  await answerTicket(kit.db, {
    ticketId: ticket.id,
    number: ticket.number,
    authorId: actor.actorId,
    text: a.text,
    at,
  });
  if (a.save)
    await saveAnswer(kit.db, {
      competitionId: ticket.competitionId,
      question: ticket.text,
      answer: a.text,
      createdById: actor.actorId,
    });
  const queued = await kit.tell(
    ticket.competitionId,
    asker(ticket),
    (l) => ticketTexts(l).answerToAsker(ticket.number, ticket.text, a.text),
    `ticket #${ticket.number}: answer`,
    actor.actorId,
  );
  return { kind: "done", ticket, queued };
}

export async function closeAction(kit: TicketKit, actor: Actor, number: number): Promise<ActionOutcome> {
  const f = await find(kit, number, actor);
  if (f.kind !== "found") return f;
  if (f.ticket.status === "closed") return { kind: "closed", ticket: f.ticket };
  await closeTicket(kit.db, f.ticket.id, f.ticket.number, kit.clock(), actor.actorId);
  const queued = await kit.tell(
    f.ticket.competitionId,
    asker(f.ticket),
    (l) => ticketTexts(l).closedToAsker(number),
    `ticket #${number}: closed`,
    actor.actorId,
  );
  return { kind: "done", ticket: f.ticket, queued };
}

/** An appeal decided accepted or rejected, with the explanation the participant receives. */
export async function decideAction(
  kit: TicketKit,
  actor: Actor,
  input: { number: number; accepted: boolean; note: string },
): Promise<ActionOutcome> {
  const d = { ...input, note: storableText(input.note).trim() };
  const f = await find(kit, d.number, actor);
  if (f.kind !== "found") return f;
  const ticket = f.ticket;
  if (ticket.kind !== "banding") return { kind: "notAppeal", ticket };
  if (ticket.status === "closed") return { kind: "closed", ticket };
  if (d.note.length > MAX_TICKET_CHARS) return { kind: "tooLong" };
  const decision = d.accepted ? "accepted" : "rejected";
  await answerTicket(kit.db, {
    ticketId: ticket.id,
    number: ticket.number,
    authorId: actor.actorId,
    text: d.note,
    kind: "decision",
    decision,
    at: kit.clock(),
  });
  const queued = await kit.tell(
    ticket.competitionId,
    asker(ticket),
    (l) => ticketTexts(l).decisionToAsker(ticket.number, d.accepted, d.note),
    `ticket #${ticket.number}: appeal ${decision}`,
    actor.actorId,
  );
  return { kind: "done", ticket: { ...ticket, decision }, queued };
}

export type CorrectOutcome =
  | Exclude<ActionOutcome, { kind: "done" }>
  | (CorrectionOutcome & { ticket: TicketView })
  | { kind: "noResult"; ticket: TicketView };

/** After an accepted appeal: a criterion's corrected score, re-released; the unit is told. */
export async function correctAction(
  kit: TicketKit,
  actor: Actor,
  c: { number: number; criterion: string; value: number; judge?: string },
): Promise<CorrectOutcome> {
  const f = await find(kit, c.number, actor);
  if (f.kind !== "found") return f;
  const ticket = f.ticket;
  const template = await kit.templateOf(ticket.competitionId);
  const proposal = ticket.proposalId ? await correctionTarget(kit.db, ticket.proposalId) : null;
  if (!template || !proposal) return { kind: "notAppeal", ticket };
  const result = await hasResult(kit.db, proposal.id, ticket.stage ?? "");
  if (!result && ticket.kind === "banding") return { kind: "noResult", ticket };
  const out = await correctScore(kit.db, template, proposal, ticket, {
    criterion: c.criterion,
    value: c.value,
    judge: c.judge,
    actorId: actor.actorId,
    at: kit.clock(),
  });
  if (out.kind === "corrected") {
    kit.logger.info({ ticket: ticket.number, criterion: out.criterion }, "score corrected after appeal");
    await kit.tell(
      ticket.competitionId,
      asker(ticket),
      (l) => ticketTexts(l).correctedToAsker(ticket.number, proposal.code),
      `ticket #${ticket.number}: score corrected`,
      actor.actorId,
    );
  }
  return { ...out, ticket };
}

/** "81,5" for a corrected total, "–" when none. */
export function totalText(total: number | null, locale: "id" | "en"): string {
  return total === null ? "–" : formatScore(locale, total);
}
