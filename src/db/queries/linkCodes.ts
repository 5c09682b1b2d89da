import { randomInt } from "node:crypto";
import type { Db } from "../createDatabase.ts";
import type { Prisma } from "../generated/client.ts";

type Tx = Prisma.TransactionClient;

/** A fresh one-time link code for a contact (their earlier ones and expired ones are dropped). */
export async function issueLinkCode(db: Db, contactId: string, now: Date, minutes: number): Promise<string> {
  await db.linkCode.deleteMany({ where: { OR: [{ contactId }, { expiresAt: { lt: now } }] } });
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const r = await db.linkCode.createMany({
      data: [{ code, contactId, expiresAt: new Date(now.getTime() + minutes * 60_000) }],
      skipDuplicates: true,
    });
    if (r.count === 1) return code;
  }
}

export async function findLinkCode(db: Db, code: string) {
  return db.linkCode.findUnique({ where: { code }, select: { contactId: true, expiresAt: true } });
}

/** Uses the code up inside the link's transaction; false when someone else used it first. */
export async function consumeLinkCode(tx: Tx, code: string, contactId: string): Promise<boolean> {
  return (await tx.linkCode.deleteMany({ where: { code, contactId } })).count === 1;
}

export async function auditLink(tx: Tx, ownerId: string, channels: string[]): Promise<void> {
  await tx.auditLog.create({
    data: { actorId: ownerId, action: "contact.link", subject: ownerId, details: { channels } },
    select: { id: true },
  });
}

/** Names of the units a contact belongs to (a few, for a reply). */
export async function unitNamesOf(db: Db, contactId: string): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { contactId },
    select: { unit: { select: { name: true } } },
    take: 10,
  });
  return rows.map((r) => r.unit.name);
}

/** Records a phone number the person shared on this channel account. */
export async function setIdentityPhone(
  db: Db,
  channel: string,
  externalId: string,
  phone: string,
): Promise<void> {
  await db.channelIdentity.updateMany({ where: { channel, externalId }, data: { phone } });
}

/** Other contacts holding this phone (any channel) or imported username. */
export async function contactsHolding(
  db: Db,
  contactId: string,
  by: { phone?: string; username?: string },
  importChannel: string,
): Promise<string[]> {
  const or = [
    ...(by.phone ? [{ phone: by.phone }] : []),
    ...(by.username ? [{ channel: importChannel, username: by.username }] : []),
  ];
  if (or.length === 0) return [];
  const rows = await db.channelIdentity.findMany({
    where: { OR: or, contactId: { not: contactId } },
    select: { contactId: true },
    distinct: ["contactId"],
  });
  return rows.map((r) => r.contactId);
}

/** Link codes past their expiry. */
export async function pruneLinkCodes(db: Db, now: Date): Promise<number> {
  return (await db.linkCode.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}
