import type { Db } from "../createDatabase.ts";

export async function readTicketDraft(db: Db, contactId: string): Promise<unknown> {
  const row = await db.ticketDraft.findUnique({ where: { contactId }, select: { state: true } });
  return row?.state;
}

export async function writeTicketDraft(db: Db, contactId: string, state: object): Promise<void> {
  await db.ticketDraft.upsert({
    where: { contactId },
    create: { contactId, state },
    update: { state },
    select: { contactId: true },
  });
}

export async function dropTicketDraft(db: Db, contactId: string): Promise<void> {
  await db.ticketDraft.deleteMany({ where: { contactId } });
}
