import { readState } from "../core/dialogue/dialogueState.ts";
import type { Db } from "../db/createDatabase.ts";
import { dialogueStateOf } from "../db/queries/dialogueStates.ts";
import { memberProposal } from "../db/queries/proposals.ts";

/**
 * The proposal a contact is working on (from their dialogue state), only if they still belong to
 * its unit: a stale or foreign id in the state never opens someone else's proposal.
 */
export async function activeProposal(
  db: Db,
  contactId: string,
): Promise<{ id: string; code: string; competitionId: string; sectionKey?: string } | undefined> {
  const stored = await dialogueStateOf(db, contactId);
  if (stored === undefined) return undefined;
  const { state } = readState(stored);
  if (!state.proposalId) return undefined;
  const p = await memberProposal(db, state.proposalId, contactId);
  if (!p) return undefined;
  const step = state.step;
  return { ...p, sectionKey: "sectionKey" in step ? step.sectionKey : state.sectionKey };
}
