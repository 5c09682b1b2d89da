import { readState } from "../core/dialogue/dialogueState.ts";
import type { Db } from "../db/createDatabase.ts";

/**
 * The proposal a contact is working on (from their dialogue state), only if they still belong to
 * its unit: a stale or foreign id in the state never opens someone else's proposal.
 */
export async function activeProposal(
  db: Db,
  contactId: string,
): Promise<{ id: string; code: string; competitionId: string; sectionKey?: string } | undefined> {
  const row = await db.dialogueState.findUnique({ where: { contactId }, select: { state: true } });
  if (!row) return undefined;
  const { state } = readState(row.state);
  if (!state.proposalId) return undefined;
  const p = await db.proposal.findFirst({
    where: { id: state.proposalId, unit: { memberships: { some: { contactId } } } },
    select: { id: true, code: true, competitionId: true },
  });
  if (!p) return undefined;
  const step = state.step;
  return { ...p, sectionKey: "sectionKey" in step ? step.sectionKey : state.sectionKey };
}
