import type { Db } from "../createDatabase.ts";
import { execute, sql } from "../sql.ts";

/** The inbox of one channel: raw updates recorded as a batch arrives, dropped once handled. */
export interface UpdateInbox {
  /** Records a fetched batch before the platform is told it was received. */
  record(updates: readonly { updateId: string; payload: object }[]): Promise<void>;
  /** What was fetched and not handled (a killed process), oldest first. */
  pending(limit?: number): Promise<{ updateId: string; payload: unknown }[]>;
  /** The update was handled (its effect and replies are in ProcessedUpdate). */
  done(updateId: string): Promise<void>;
}

/** How long handled updates wait to be cleared when no new batch comes to carry the delete. */
const CLEAR_AFTER_MS = 250;

/**
 * Handled updates are cleared in bulk: with the next batch's insert (one statement), or after a
 * quarter second when none comes. A row left by a kill before that is handled again at the restart and
 * is silent there, because its ProcessedUpdate row says done (ADR 0007).
 */
export function createUpdateInbox(db: Db, channel: string): UpdateInbox {
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
          INSERT INTO "InboxUpdate" ("channel", "updateId", "payload", "receivedAt")
          SELECT ${channel}, u.id, u.p, ${at}::timestamp
          FROM jsonb_to_recordset(${rows}::jsonb) AS u(id text, p jsonb)
          ON CONFLICT DO NOTHING`,
        );
      } catch (e) {
        handled.push(...ids);
        throw e;
      }
    },
    async pending(limit = 10_000) {
      return db.inboxUpdate.findMany({
        where: { channel },
        select: { updateId: true, payload: true },
        orderBy: [{ receivedAt: "asc" }, { updateId: "asc" }],
        take: limit,
      });
    },
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
