import type { Db } from "../createDatabase.ts";

/** The per-recipient report of an announcement: every delivery with the contact's name. */
export async function deliveriesOf(db: Db, announcementId: string, limit: number) {
  return db.delivery.findMany({
    where: { announcementId },
    select: {
      id: true,
      channel: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      contact: { select: { displayName: true } },
    },
    orderBy: [{ status: "asc" }, { id: "asc" }],
    take: limit,
  });
}

export async function announcementOf(db: Db, competitionId: string, id: string) {
  return db.announcement.findFirst({
    where: { id, competitionId },
    select: {
      id: true,
      text: true,
      status: true,
      kind: true,
      urgent: true,
      scheduledAt: true,
      createdAt: true,
      finishedAt: true,
    },
  });
}
