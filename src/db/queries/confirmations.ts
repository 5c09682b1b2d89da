import { randomBytes } from "node:crypto";
import type { Db } from "../createDatabase.ts";

/** Offers a confirmation: the id goes into the button; it stays valid for ttlMs. */
export async function issueConfirmation(
  db: Db,
  a: { contactId: string; kind: string; now: Date; ttlMs: number },
): Promise<string> {
  const id = randomBytes(9).toString("base64url");
  await db.confirmation.create({
    data: { id, contactId: a.contactId, kind: a.kind, expiresAt: new Date(a.now.getTime() + a.ttlMs) },
    select: { id: true },
  });
  return id;
}

/**
 * Uses a confirmation once: true for the first use of a live one by its contact; a second press,
 * a late repeat or someone else's id gets false. Offering a new one of the same kind drops the
 * older ones.
 */
export async function consumeConfirmation(
  db: Db,
  a: { id: string; contactId: string; kind: string; now: Date },
): Promise<boolean> {
  const r = await db.confirmation.deleteMany({
    where: { id: a.id, contactId: a.contactId, kind: a.kind, expiresAt: { gt: a.now } },
  });
  return r.count === 1;
}

/** Drops the contact's open confirmations of a kind (a "no" answers all of them). */
export async function dropConfirmations(db: Db, contactId: string, kind: string): Promise<void> {
  await db.confirmation.deleteMany({ where: { contactId, kind } });
}

/** Confirmations past their expiry. */
export async function pruneConfirmations(db: Db, now: Date): Promise<number> {
  return (await db.confirmation.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}
