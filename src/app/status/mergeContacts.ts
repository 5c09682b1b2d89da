import type { Tx } from "../../db/createDatabase.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import {
  dialogueStatesOf,
  finishMerge,
  mergeFacts,
  moveContactRows,
  moveDialogueState,
  repointContactReferences,
} from "../../db/queries/contacts.ts";

/**
 * Folds contact `dropId` into `keepId` (same person, proven by a phone match or a /tautkan code):
 * chat identities, unit memberships and staff roles move over, the more recently used dialogue
 * state wins, authorship and audit references are re-pointed, then the dropped contact is
 * deleted. Rows that would duplicate one the kept contact already has are left to the cascade.
 * Opting out anywhere stays opted out. Must run inside a transaction.
 */
export async function mergeContacts(tx: Tx, keepId: string, dropId: string, reason: string): Promise<void> {
  if (keepId === dropId) return;
  const [keep, drop] = await Promise.all([mergeFacts(tx, keepId), mergeFacts(tx, dropId)]);
  if (!keep || !drop) return;

  await moveContactRows(tx, keepId, dropId);

  const states = await dialogueStatesOf(tx, [keepId, dropId]);
  const keptState = states.find((s) => s.contactId === keepId);
  const droppedState = states.find((s) => s.contactId === dropId);
  if (droppedState && (!keptState || droppedState.updatedAt > keptState.updatedAt))
    await moveDialogueState(tx, keepId, dropId, keptState !== undefined);

  await repointContactReferences(tx, keepId, dropId);
  await finishMerge(tx, keepId, dropId, {
    optedOut: keep.optedOut || drop.optedOut,
    displayName: keep.displayName || drop.displayName,
    lastActiveAt: latest(keep.lastActiveAt, drop.lastActiveAt),
  });
  await recordAudit(tx, {
    actorId: keepId,
    action: "contact.merge",
    subject: keepId,
    details: { merged: dropId, reason },
  });
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a.getTime() >= b.getTime() ? a : b;
}
