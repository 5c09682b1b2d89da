import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { loadAccess } from "../access.ts";
import type { ContactView } from "../resolveContact.ts";
import { outcomeReply } from "./answerCommand.ts";
import { chatActor } from "./ticketAccess.ts";
import { correctAction, totalText } from "./ticketActions.ts";
import { type TicketKit, ticketNumber } from "./ticketKit.ts";

/** /koreksi <nomor> <kriteria> <nilai> [juri]: corrects a score after an accepted appeal. */
export async function correctCommand(
  kit: TicketKit,
  _msg: IncomingMessage,
  contact: ContactView,
  args: string[],
): Promise<OutgoingMessage[]> {
  const t = ticketTexts(contact.locale);
  // Only the secretariat gets here: the registry's access middleware refused everyone else.
  const access = await loadAccess(kit.db, contact.id);
  const [first, criterion, raw, ...judge] = args;
  const n = ticketNumber(first);
  const value = Number((raw ?? "").replace(",", "."));
  if (n === undefined || !criterion || !raw) return [{ text: [t.koreksiUsage] }];
  const r = await correctAction(kit, chatActor(access), {
    number: n,
    criterion,
    value,
    judge: judge.join(" ") || undefined,
  });
  switch (r.kind) {
    case "corrected": {
      const template = await kit.templateOf(r.ticket.competitionId);
      const name = template?.criteria.find((c) => c.key === r.criterion)?.name[contact.locale] ?? r.criterion;
      return [{ text: [t.corrected(r.ticket.number, name, totalText(r.total, contact.locale))] }];
    }
    case "notAccepted":
    case "noResult":
      return [{ text: [t.notAccepted(r.ticket.number)] }];
    case "unknownCriterion":
      return [{ text: [t.unknownCriterion(criterion, r.criteria.join(", "))] }];
    case "badValue":
      return [{ text: [t.badValue(r.min, r.max)] }];
    default:
      return outcomeReply(r, contact, () => "");
  }
}
