import type { Db } from "../createDatabase.ts";

/** The person's stored dialogue state (raw JSON, read with readState); undefined when none. */
export async function dialogueStateOf(db: Db, contactId: string): Promise<unknown> {
  const row = await db.dialogueState.findUnique({ where: { contactId }, select: { state: true } });
  return row?.state;
}
