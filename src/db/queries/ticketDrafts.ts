import type { Db } from "../createDatabase.ts";
import { execute, sql } from "../sql.ts";

export async function readTicketDraft(db: Db, contactId: string): Promise<unknown> {
  const row = await db.ticketDraft.findUnique({ where: { contactId }, select: { state: true } });
  return row?.state;
}

/** Every /status and /nilai remembers the offer to ask the secretariat: a direct statement (ADR 0023). */
export async function writeTicketDraft(db: Db, contactId: string, state: object): Promise<void> {
  const at = new Date().toISOString();
  await execute(
    db,
    sql`INSERT INTO "TicketDraft" ("contactId", "state", "updatedAt")
      VALUES (${contactId}, ${JSON.stringify(state)}::jsonb, ${at}::timestamp)
      ON CONFLICT ("contactId") DO UPDATE SET "state" = EXCLUDED."state", "updatedAt" = EXCLUDED."updatedAt"`,
  );
}

export async function dropTicketDraft(db: Db, contactId: string): Promise<void> {
  await db.ticketDraft.deleteMany({ where: { contactId } });
}
