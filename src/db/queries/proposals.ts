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

/** Id and code of the competition's proposals with these codes. */
export async function proposalIdsByCodes(
  db: Db,
  competitionId: string,
  codes: string[],
): Promise<{ id: string; code: string }[]> {
  return db.proposal.findMany({
    where: { competitionId, code: { in: codes } },
    select: { id: true, code: true },
  });
}

/** The proposals at a stage with what judge balancing reads: category and the unit's region. */
export async function proposalsAtStage(
  db: Db,
  competitionId: string,
  stage: string,
): Promise<{ id: string; category: string; region: string }[]> {
  const rows = await db.proposal.findMany({
    where: { competitionId, stage },
    select: { id: true, category: true, unit: { select: { region: true } } },
  });
  return rows.map((p) => ({ id: p.id, category: p.category, region: p.unit.region }));
}
