import { CLAIM_HOLDER_SPACE } from "../claimHolder.ts";
import type { Db } from "../createDatabase.ts";
import { execute, query, sql } from "../sql.ts";

/** The inbox of one channel: raw updates recorded as a batch arrives, dropped once handled. */
export interface UpdateInbox {
  /** Records a fetched batch (or one webhook call) before the platform is told it was received. */
  record(updates: readonly { updateId: string; payload: object }[]): Promise<void>;
  /**
   * What a process that is gone received and did not finish, oldest first, now this process's to
   * handle. With a holder (PostgreSQL) only rows whose holder no longer lives are taken, so any
   * process may ask at any time; without one (the embedded database's one process), every row.
   */
  takeOver(limit?: number): Promise<{ updateId: string; payload: unknown }[]>;
  /** The update was handled (its effect and replies are in ProcessedUpdate). */
  done(updateId: string): Promise<void>;
  /** Clears the handled rows now (graceful stop) instead of with the next batch. */
  flush(): Promise<void>;
}

/** How long handled updates wait to be cleared when no new batch comes to carry the delete. */
const CLEAR_AFTER_MS = 250;

/**
 * Handled updates are cleared in bulk: with the next batch's insert (one statement), or after a
 * quarter second when none comes. A row left by a kill before that is handled again at the restart and
 * is silent there, because its ProcessedUpdate row says done (ADR 0007).
 */
export function createUpdateInbox(
  db: Db,
  channel: string,
  /** This process's claim-holder id (src/db/claimHolder.ts); none on the embedded database. */
  holder?: () => number | undefined,
): UpdateInbox {
  let handled: string[] = [];
  let timer: NodeJS.Timeout | undefined;

  function take(): string[] {
    const ids = handled;
    handled = [];
    if (timer) clearTimeout(timer);
    timer = undefined;
    return ids;
  }

  async function clear(): Promise<void> {
    const ids = take();
    if (ids.length === 0) return;
    try {
      await execute(
        db,
        sql`DELETE FROM "InboxUpdate" WHERE "channel" = ${channel} AND "updateId" = ANY(${ids})`,
      );
    } catch {
      // Kept for the next batch; at worst the rows are handled (silently) again at a restart.
      handled.push(...ids);
    }
  }

  return {
    async record(updates) {
      if (updates.length === 0) return;
      const ids = take();
      const rows = JSON.stringify(updates.map((u) => ({ id: u.updateId, p: u.payload })));
      const at = new Date().toISOString();
      try {
        await execute(
          db,
          sql`
          WITH cleared AS (
            DELETE FROM "InboxUpdate" WHERE "channel" = ${channel} AND "updateId" = ANY(${ids})
          )
          INSERT INTO "InboxUpdate" ("channel", "updateId", "payload", "receivedAt", "holder")
          SELECT ${channel}, u.id, u.p, ${at}::timestamp, ${holder?.() ?? null}::int
          FROM jsonb_to_recordset(${rows}::jsonb) AS u(id text, p jsonb)
          ON CONFLICT DO NOTHING`,
        );
      } catch (e) {
        handled.push(...ids);
        throw e;
      }
    },
    async takeOver(limit = 10_000) {
      const me = holder?.();
      if (me === undefined)
        return db.inboxUpdate.findMany({
          where: { channel },
          select: { updateId: true, payload: true },
          orderBy: [{ receivedAt: "asc" }, { updateId: "asc" }],
          take: limit,
        });
      // The holder's lock ends with its process (ADR 0007); rows of living processes stay theirs.
      const rows = await query<{ updateId: string; payload: unknown; receivedAt: Date }>(
        db,
        sql`
        UPDATE "InboxUpdate" SET "holder" = ${me}::int
        WHERE ("channel", "updateId") IN (
          SELECT "channel", "updateId" FROM "InboxUpdate"
          WHERE "channel" = ${channel} AND "holder" IS DISTINCT FROM ${me}::int
            AND ("holder" IS NULL OR NOT "claim_holder_alive"(${CLAIM_HOLDER_SPACE}::int, "holder"))
          ORDER BY "receivedAt", "updateId" LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING "updateId", "payload", "receivedAt"`,
      );
      return rows
        .sort(
          (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.updateId.localeCompare(b.updateId),
        )
        .map(({ updateId, payload }) => ({ updateId, payload }));
    },
    flush: clear,
    async done(updateId) {
      handled.push(updateId);
      if (!timer) {
        timer = setTimeout(() => void clear(), CLEAR_AFTER_MS);
        timer.unref();
      }
    },
  };
}

/** Inbox rows received before `before` (long handled or given up). */
export async function pruneInboxUpdates(db: Db, before: Date): Promise<number> {
  return (await db.inboxUpdate.deleteMany({ where: { receivedAt: { lt: before } } })).count;
}
