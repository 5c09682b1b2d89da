import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { loadAccess } from "../access.ts";
import type { ContactView } from "../resolveContact.ts";
import { outcomeReply } from "./answerCommand.ts";
import { chatActor } from "./ticketAccess.ts";
import { decideAction } from "./ticketActions.ts";
import { type TicketKit, ticketNumber } from "./ticketKit.ts";

const ACCEPT = new Set(["diterima", "terima", "accept", "accepted"]);
const REJECT = new Set(["ditolak", "tolak", "reject", "rejected"]);

/** /putuskan <nomor> diterima|ditolak <penjelasan>: an appeal decided, with the explanation. */
export async function decideCommand(
  kit: TicketKit,
  _msg: IncomingMessage,
  contact: ContactView,
  args: string[],
): Promise<OutgoingMessage[]> {
  const t = ticketTexts(contact.locale);
  // Only the secretariat gets here: the registry's access middleware refused everyone else.
  const access = await loadAccess(kit.db, contact.id);
  const [first, verdict = "", ...rest] = args;
  const n = ticketNumber(first);
  const v = verdict.toLowerCase();
  const note = rest.join(" ").trim();
  if (n === undefined || (!ACCEPT.has(v) && !REJECT.has(v)) || !note) return [{ text: [t.putuskanUsage] }];
  const accepted = ACCEPT.has(v);
  return outcomeReply(
    await decideAction(kit, chatActor(access), { number: n, accepted, note }),
    contact,
    (r) => t.decided(r.ticket.number, accepted),
  );
}
