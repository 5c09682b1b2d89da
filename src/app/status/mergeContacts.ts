import type { Prisma } from "../../db/generated/client.ts";

type Tx = Prisma.TransactionClient;

/**
 * Folds contact `dropId` into `keepId` (same person, proven by a phone match or a /tautkan code):
 * chat identities, unit memberships and staff roles move over, the more recently used dialogue
 * state wins, authorship and audit references are re-pointed, then the dropped contact is
 * deleted. Rows that would duplicate one the kept contact already has are left to the cascade.
 * Opting out anywhere stays opted out. Must run inside a transaction.
 */
export async function mergeContacts(tx: Tx, keepId: string, dropId: string, reason: string): Promise<void> {
  if (keepId === dropId) return;
  const [keep, drop] = await Promise.all([
    tx.contact.findUnique({
      where: { id: keepId },
      select: { displayName: true, optedOut: true, lastActiveAt: true },
    }),
    tx.contact.findUnique({
      where: { id: dropId },
      select: { displayName: true, optedOut: true, lastActiveAt: true },
    }),
  ]);
  if (!keep || !drop) return;

  await tx.$executeRaw`UPDATE "ChannelIdentity" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "Membership" m SET "contactId" = ${keepId} WHERE m."contactId" = ${dropId}
    AND NOT EXISTS (SELECT 1 FROM "Membership" k WHERE k."contactId" = ${keepId} AND k."unitId" = m."unitId")`;
  await tx.$executeRaw`UPDATE "StaffRole" s SET "contactId" = ${keepId} WHERE s."contactId" = ${dropId}
    AND NOT EXISTS (SELECT 1 FROM "StaffRole" k WHERE k."contactId" = ${keepId} AND k."competitionId" = s."competitionId" AND k.role = s.role)`;
  await tx.$executeRaw`UPDATE "Delivery" d SET "contactId" = ${keepId} WHERE d."contactId" = ${dropId}
    AND NOT EXISTS (SELECT 1 FROM "Delivery" k WHERE k."contactId" = ${keepId} AND k."announcementId" = d."announcementId")`;

  const states = await tx.dialogueState.findMany({
    where: { contactId: { in: [keepId, dropId] } },
    select: { contactId: true, updatedAt: true },
  });
  const keptState = states.find((s) => s.contactId === keepId);
  const droppedState = states.find((s) => s.contactId === dropId);
  if (droppedState && (!keptState || droppedState.updatedAt > keptState.updatedAt)) {
    if (keptState) await tx.dialogueState.delete({ where: { contactId: keepId } });
    await tx.$executeRaw`UPDATE "DialogueState" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;
  }

  await tx.$executeRaw`UPDATE "SectionRevision" SET "authorId" = ${keepId} WHERE "authorId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "Proposal" SET "createdById" = ${keepId} WHERE "createdById" = ${dropId}`;
  await tx.$executeRaw`UPDATE "StageEvent" SET "actorId" = ${keepId} WHERE "actorId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "ScoreRelease" SET "releasedById" = ${keepId} WHERE "releasedById" = ${dropId}`;
  await tx.$executeRaw`UPDATE "Announcement" SET "createdById" = ${keepId} WHERE "createdById" = ${dropId}`;
  await tx.$executeRaw`UPDATE "AuditLog" SET "actorId" = ${keepId} WHERE "actorId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "UnitJoin" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;
  // Per-contact LLM quotas and the AI-use log follow the person.
  await tx.$executeRaw`UPDATE "LlmUsage" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "AiSuggestion" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;

  await tx.contact.update({
    where: { id: keepId },
    data: {
      optedOut: keep.optedOut || drop.optedOut,
      displayName: keep.displayName || drop.displayName,
      lastActiveAt: latest(keep.lastActiveAt, drop.lastActiveAt),
    },
  });
  await tx.contact.delete({ where: { id: dropId } });
  await tx.auditLog.create({
    data: { actorId: keepId, action: "contact.merge", subject: keepId, details: { merged: dropId, reason } },
  });
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a.getTime() >= b.getTime() ? a : b;
}
