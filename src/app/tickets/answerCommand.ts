import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { loadAccess } from "../access.ts";
import type { ContactView } from "../resolveContact.ts";
import { chatActor } from "./ticketAccess.ts";
import { type ActionOutcome, answerAction } from "./ticketActions.ts";
import { MAX_TICKET_CHARS, type TicketKit, ticketNumber } from "./ticketKit.ts";

const SAVE_FLAGS = new Set(["--simpan", "--save", "simpan!"]);

/** /jawab <nomor> [--simpan] <jawaban>: the secretariat answers a ticket (and may save the answer). */
export async function answerCommand(
  kit: TicketKit,
  _msg: IncomingMessage,
  contact: ContactView,
  args: string[],
): Promise<OutgoingMessage[]> {
  const t = ticketTexts(contact.locale);
  // Only the secretariat gets here: the registry's access middleware refused everyone else.
  const access = await loadAccess(kit.db, contact.id);
  const [first, ...rest] = args;
  const n = ticketNumber(first);
  const save = rest.length > 0 && SAVE_FLAGS.has(rest[0]!.toLowerCase());
  const text = (save ? rest.slice(1) : rest).join(" ").trim();
  if (n === undefined || !text) return [{ text: [t.jawabUsage] }];
  return outcomeReply(await answerAction(kit, chatActor(access), { number: n, text, save }), contact, (r) =>
    t.answered(r.ticket.number, r.queued > 0, save),
  );
}

/** The reply for an action's outcome; `done` says what happened. */
export async function outcomeReply(
  r: ActionOutcome,
  contact: ContactView,
  done: (r: Extract<ActionOutcome, { kind: "done" }>) => string,
): Promise<OutgoingMessage[]> {
  const t = ticketTexts(contact.locale);
  switch (r.kind) {
    case "notFound":
      return [{ text: [t.notVisible("")] }];
    case "denied":
      return [{ text: [t.notVisible(`#${r.ticket.number}`)] }];
    case "closed":
      return [{ text: [t.alreadyClosed(r.ticket.number)] }];
    case "tooLong":
      return [{ text: [t.tooLong(MAX_TICKET_CHARS)] }];
    case "notAppeal":
      return [{ text: [t.notAppeal(r.ticket.number)] }];
    case "done":
      return [{ text: [done(r)] }];
  }
}
