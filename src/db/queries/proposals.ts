import type { Db } from "../createDatabase.ts";

/** A proposal the contact may act on: one of the units they belong to. */
export async function memberProposal(
  db: Db,
  proposalId: string,
  contactId: string,
): Promise<{ id: string; code: string; competitionId: string } | undefined> {
  const p = await db.proposal.findFirst({
    where: { id: proposalId, unit: { memberships: { some: { contactId } } } },
    select: { id: true, code: true, competitionId: true },
  });
  return p ?? undefined;
}
