import type { Db } from "../createDatabase.ts";

/** The inbox of one channel: raw updates recorded as a batch arrives, dropped once handled. */
export interface UpdateInbox {
  /** Records a fetched batch before the platform is told it was received. */
  record(updates: readonly { updateId: string; payload: object }[]): Promise<void>;
  /** What was fetched and not handled (a killed process), oldest first. */
  pending(limit?: number): Promise<{ updateId: string; payload: unknown }[]>;
  /** The update was handled (its effect and replies are in ProcessedUpdate). */
  done(updateId: string): Promise<void>;
}

export function createUpdateInbox(db: Db, channel: string): UpdateInbox {
  return {
    async record(updates) {
      if (updates.length === 0) return;
      await db.inboxUpdate.createMany({
        data: updates.map((u) => ({ channel, updateId: u.updateId, payload: u.payload })),
        skipDuplicates: true,
      });
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
      await db.inboxUpdate.deleteMany({ where: { channel, updateId } });
    },
  };
}

/** Inbox rows received before `before` (long handled or given up). */
export async function pruneInboxUpdates(db: Db, before: Date): Promise<number> {
  return (await db.inboxUpdate.deleteMany({ where: { receivedAt: { lt: before } } })).count;
}
