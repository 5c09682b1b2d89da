import type { Db } from "../createDatabase.ts";
import { reopenAnnouncement } from "./announcements.ts";

/** The reminder queued under a once-only key, if any. */
export async function findReminder(db: Db, dedupeKey: string): Promise<{ id: string } | null> {
  return db.announcement.findUnique({ where: { dedupeKey }, select: { id: true } });
}

/** People the announcement already has a delivery for (sent, waiting or skipped). */
export async function deliveredContacts(db: Db, announcementId: string): Promise<Set<string>> {
  const rows = await db.delivery.findMany({ where: { announcementId }, select: { contactId: true } });
  return new Set(rows.map((r) => r.contactId));
}

/**
 * Adds deliveries for people who joined the audience after the announcement was queued, and
 * reopens it so the worker and the reports count them. One transaction; a person already there
 * (another process topped up a moment ago) is skipped by the unique key.
 */
export async function addDeliveries(
  db: Db,
  announcementId: string,
  rows: { contactId: string; channel: string; externalId: string; text?: string }[],
  nextAttemptAt: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const r = await tx.delivery.createMany({
      data: rows.map((x) => ({
        announcementId,
        contactId: x.contactId,
        channel: x.channel,
        externalId: x.externalId,
        status: "pending",
        nextAttemptAt,
        text: x.text ?? null,
      })),
      skipDuplicates: true,
    });
    if (r.count > 0) await reopenAnnouncement(tx, announcementId);
    return r.count;
  });
}
