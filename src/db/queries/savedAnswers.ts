import type { Db } from "../createDatabase.ts";

export async function savedAnswersOf(db: Db, competitionId: string) {
  return db.savedAnswer.findMany({
    where: { competitionId },
    select: { id: true, question: true, answer: true },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
}

export async function saveAnswer(
  db: Db,
  s: { competitionId: string; question: string; answer: string; createdById?: string },
): Promise<void> {
  await db.savedAnswer.create({ data: s, select: { id: true } });
}

/** A saved answer that settled a question before it became a ticket (kept for the FAQ's worth). */
export async function recordSavedAnswerAccepted(db: Db, contactId: string, savedId: string): Promise<void> {
  await db.auditLog.create({
    data: { actorId: contactId, action: "ticket.savedAnswerAccepted", subject: savedId },
    select: { id: true },
  });
}
