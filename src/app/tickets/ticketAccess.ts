import type { Db } from "../../db/createDatabase.ts";
import { isMember } from "../../db/queries/invitations.ts";
import type { TicketView } from "../../db/queries/ticketViews.ts";
import type { Access } from "../access.ts";

/**
 * A ticket is seen by the person who asked, the members of the proposal's unit and the
 * secretariat of its competition; nobody else (judges included).
 */
export async function canSeeTicket(db: Db, access: Access, t: TicketView): Promise<boolean> {
  if (access.isSecretariat(t.competitionId)) return true;
  if (t.contactId === access.contactId) return true;
  if (!t.proposal) return false;
  return isMember(db, access.contactId, t.proposal.unitId);
}

/** The chat actor: a secretariat member acts on their competitions' tickets only. */
export function chatActor(access: Access) {
  return { actorId: access.contactId, may: (competitionId: string) => access.isSecretariat(competitionId) };
}
