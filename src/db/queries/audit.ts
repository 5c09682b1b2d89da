import type { Db } from "../createDatabase.ts";

/** A refused attempt to see or do what the contact's role does not allow (kept for review). */
export async function recordDenied(db: Db, contactId: string, what: string, subject = ""): Promise<void> {
  await db.auditLog.create({
    data: { actorId: contactId, action: "access.denied", subject, details: { what } },
  });
}
