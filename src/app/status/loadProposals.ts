import type { Db } from "../../db/createDatabase.ts";
import { normalizeCode } from "./competitionData.ts";

/** A proposal as /status and /nilai show it. */
export interface ProposalStatus {
  id: string;
  code: string;
  title: string;
  unitId: string;
  competitionId: string;
  group: string;
  stage: string;
  createdAt: Date;
  events: { stage: string; createdAt: Date }[];
}

const MAX_PROPOSALS = 10;
const select = {
  id: true,
  code: true,
  title: true,
  unitId: true,
  competitionId: true,
  group: true,
  stage: true,
  createdAt: true,
  events: { select: { stage: true, createdAt: true }, orderBy: { createdAt: "asc" }, take: 30 },
} as const;

/**
 * The proposals of the contact's units with their stage events, oldest first, in one round trip
 * (membership → proposals by unit → events by proposal, all on indexes): /status is asked often
 * and must stay fast with tens of thousands of proposals.
 */
export async function proposalsOfContact(db: Db, contactId: string): Promise<ProposalStatus[]> {
  const rows = await db.$queryRaw<
    (Omit<ProposalStatus, "events"> & { events: { stage: string; createdAt: string }[] | null })[]
  >`
    SELECT p.id, p.code, p.title, p."unitId", p."competitionId", p."group", p.stage, p."createdAt",
      (SELECT json_agg(json_build_object('stage', e.stage, 'createdAt', e."createdAt") ORDER BY e."createdAt")
         FROM (SELECT stage, "createdAt" FROM "StageEvent" WHERE "proposalId" = p.id ORDER BY "createdAt" LIMIT 30) e) AS events
    FROM "Membership" m JOIN "Proposal" p ON p."unitId" = m."unitId"
    WHERE m."contactId" = ${contactId}
    ORDER BY p."createdAt", p.id
    LIMIT ${MAX_PROPOSALS}`;
  // json_build_object writes timestamps without a zone; they are UTC like every stored timestamp.
  return rows.map((r) => ({
    ...r,
    events: (r.events ?? []).map((e) => ({ stage: e.stage, createdAt: new Date(`${e.createdAt}Z`) })),
  }));
}

export async function proposalByCode(db: Db, raw: string): Promise<ProposalStatus | undefined> {
  const code = normalizeCode(raw);
  if (!code) return undefined;
  return (await db.proposal.findUnique({ where: { code }, select })) ?? undefined;
}
