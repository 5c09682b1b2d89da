import type { Db } from "../../db/createDatabase.ts";
import {
  type ProposalStatus,
  proposalStatusByCode,
  proposalStatusesOfContact,
} from "../../db/queries/proposals.ts";
import { normalizeCode } from "./competitionData.ts";

export type { ProposalStatus };

const MAX_PROPOSALS = 10;

/** The proposals of the contact's units with their stage events (at most ten), oldest first. */
export async function proposalsOfContact(db: Db, contactId: string): Promise<ProposalStatus[]> {
  return proposalStatusesOfContact(db, contactId, MAX_PROPOSALS);
}

export async function proposalByCode(db: Db, raw: string): Promise<ProposalStatus | undefined> {
  const code = normalizeCode(raw);
  if (!code) return undefined;
  return proposalStatusByCode(db, code);
}
