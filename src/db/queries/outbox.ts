import type { Db } from "../createDatabase.ts";

/**
 * When the oldest delivery that is due and not sent became due (null when none): the outbox's
 * lag. Held rows (quiet hours, daily cap) are pushed forward in nextAttemptAt, so they are not due.
 */
export async function oldestDueDelivery(db: Db, now: Date): Promise<Date | null> {
  const row = await db.delivery.findFirst({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return row?.nextAttemptAt ?? null;
}

/** The database answers a trivial query. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
