import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { loadAccess } from "../access.ts";
import type { ContactView } from "../resolveContact.ts";
import { outcomeReply } from "./answerCommand.ts";
import { chatActor } from "./ticketAccess.ts";
import { closeAction } from "./ticketActions.ts";
import { type TicketKit, ticketNumber } from "./ticketKit.ts";

/** /tutup <nomor>: the secretariat closes a ticket; the asker is told. */
export async function closeCommand(
  kit: TicketKit,
  _msg: IncomingMessage,
  contact: ContactView,
  args: string[],
): Promise<OutgoingMessage[]> {
  const t = ticketTexts(contact.locale);
  // Only the secretariat gets here: the registry's access middleware refused everyone else.
  const access = await loadAccess(kit.db, contact.id);
  const n = ticketNumber(args[0]);
  if (n === undefined) return [{ text: [t.tutupUsage] }];
  return outcomeReply(await closeAction(kit, chatActor(access), n), contact, (r) =>
    t.closed(r.ticket.number),
  );
}
