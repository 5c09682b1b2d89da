import type { Db, Tx } from "../createDatabase.ts";
import { query, type Sql, sql } from "../sql.ts";
import type { Claim } from "./processedUpdates.ts";

export interface TurnSave {
  contactId: string;
  /** The state's version the turn read; the save fails when it moved on meanwhile. */
  version: number;
  state: object;
  claim: Claim;
  /** The replies as stored with the message (repliesToStore, serialised). */
  stored: string;
  /** Refresh the contact's "last active" time as well. */
  touch: boolean;
  now: Date;
}

export interface TurnSaved {
  saved: boolean;
  done: boolean;
}

/**
 * The version-checked dialogue state, the inbox row (done, with the replies) and the contact's
 * "last active" in one statement: this runs on every turn. The claim's time is the token, so a
 * claim taken over meanwhile saves nothing. One statement is atomic on its own; a turn with
 * effects runs it inside its transaction.
 */
export async function saveTurn(db: Db | Tx, t: TurnSave): Promise<TurnSaved> {
  // ISO text cast to timestamp: the UTC wall time Prisma itself writes, whatever the session's zone.
  const at = new Date().toISOString();
  return saved(
    db,
    sql`UPDATE "DialogueState"
      SET "state" = ${JSON.stringify(t.state)}::jsonb, "version" = "version" + 1, "updatedAt" = ${at}::timestamp
      WHERE "contactId" = ${t.contactId} AND "version" = ${t.version}
      RETURNING 1`,
    t,
    at,
  );
}

/**
 * A person's first turn, as saveTurn: their dialogue state created (not saved when another turn
 * created it meanwhile), the inbox row done and "last active".
 */
export async function saveFirstTurn(db: Db | Tx, t: Omit<TurnSave, "version">): Promise<TurnSaved> {
  const at = new Date().toISOString();
  return saved(
    db,
    sql`INSERT INTO "DialogueState" ("contactId", "version", "state", "updatedAt")
      VALUES (${t.contactId}, 1, ${JSON.stringify(t.state)}::jsonb, ${at}::timestamp)
      ON CONFLICT DO NOTHING
      RETURNING 1`,
    t,
    at,
  );
}

/** The state write `state`, then (only if it wrote) the inbox row done and "last active". */
async function saved(db: Db | Tx, state: Sql, t: Omit<TurnSave, "version">, at: string): Promise<TurnSaved> {
  const [r] = await query<{ saved: number; done: number }>(
    db,
    sql`
    WITH saved AS (${state}), done AS (
      UPDATE "ProcessedUpdate" SET "doneAt" = ${at}::timestamp, "replies" = ${t.stored}::jsonb
      WHERE "channel" = ${t.claim.channel} AND "updateId" = ${t.claim.updateId} AND "doneAt" IS NULL
        AND "claimedAt" = ${t.claim.at.toISOString()}::timestamp AND EXISTS (SELECT 1 FROM saved)
      RETURNING 1
    ), touched AS (
      UPDATE "Contact" SET "lastActiveAt" = ${t.now.toISOString()}::timestamp
      WHERE id = ${t.contactId} AND ${t.touch} AND EXISTS (SELECT 1 FROM done)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM saved)::int AS saved, (SELECT count(*) FROM done)::int AS done,
      (SELECT count(*) FROM touched)::int AS touched`,
  );
  return { saved: (r?.saved ?? 0) > 0, done: (r?.done ?? 0) > 0 };
}

/** The person's dialogue state with its version; null when they have none yet. */
export async function dialogueStateRow(
  db: Db,
  contactId: string,
): Promise<{ version: number; state: unknown } | null> {
  return db.dialogueState.findUnique({ where: { contactId }, select: { version: true, state: true } });
}
