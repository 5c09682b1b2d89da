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

/**
 * Messages of one channel the bot started itself within the window: sent ones and those being
 * sent now. The WhatsApp daily cap counts these rows, so a restart does not reset it.
 */
export async function recentSends(
  db: Db,
  channel: string,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const iso = since.toISOString();
  const rows = await db.$queryRaw<{ n: bigint | number; oldest: Date | null }[]>`
    SELECT count(*) AS n, min(COALESCE("sentAt", "claimedAt")) AS oldest FROM "Delivery"
    WHERE channel = ${channel}
      AND ((status = 'sent' AND "sentAt" > ${iso}::timestamp) OR status = 'sending')`;
  const r = rows[0];
  return { count: Number(r?.n ?? 0), oldest: r?.oldest ?? null };
}
