import type { Db, Tx } from "../createDatabase.ts";
import type { Prisma } from "../generated/client.ts";

/** The announcement with exactly this id, within the competitions when given. */
export async function announcementIdExact(
  db: Db,
  id: string,
  competitionIds?: readonly string[],
): Promise<string | undefined> {
  const row = await db.announcement.findFirst({
    where: { id, ...scope(competitionIds) },
    select: { id: true },
  });
  return row?.id;
}

/** Up to `take` announcements whose id ends with the short form, within the competitions when given. */
export async function announcementIdsEndingWith(
  db: Db,
  suffix: string,
  take: number,
  competitionIds?: readonly string[],
): Promise<string[]> {
  const rows = await db.announcement.findMany({
    where: { id: { endsWith: suffix }, ...scope(competitionIds) },
    select: { id: true },
    take,
  });
  return rows.map((r) => r.id);
}

function scope(competitionIds: readonly string[] | undefined) {
  return competitionIds ? { competitionId: { in: [...competitionIds] } } : {};
}

// ---- the composer's draft (one per contact) ----

export async function announcementDraftOf(
  db: Db,
  contactId: string,
): Promise<{ competitionId: string; state: unknown; updatedAt: Date } | null> {
  return db.announcementDraft.findUnique({
    where: { contactId },
    select: { competitionId: true, state: true, updatedAt: true },
  });
}

export async function dropAnnouncementDraft(db: Db, contactId: string): Promise<void> {
  await db.announcementDraft.deleteMany({ where: { contactId } });
}

export async function saveAnnouncementDraft(
  db: Db,
  contactId: string,
  competitionId: string,
  state: Prisma.InputJsonValue,
): Promise<void> {
  await db.announcementDraft.upsert({
    where: { contactId },
    create: { contactId, competitionId, state },
    update: { competitionId, state },
    select: { contactId: true },
  });
}

/** Deletes the draft saved at `updatedAt`; false when it is gone (used by an earlier confirmation). */
export async function consumeAnnouncementDraft(tx: Tx, contactId: string, updatedAt: Date): Promise<boolean> {
  const gone = await tx.announcementDraft.deleteMany({ where: { contactId, updatedAt } });
  return gone.count > 0;
}

// ---- the outbox write ----

export interface NewAnnouncementRow {
  competitionId: string;
  createdById: string | null;
  text: string;
  audience: Prisma.InputJsonValue;
  urgent: boolean;
  kind: string;
  scheduledAt: Date;
  dedupeKey: string | null;
  progressRef?: Prisma.InputJsonValue;
}

/** A queued announcement; its id. */
export async function insertAnnouncement(tx: Tx, a: NewAnnouncementRow): Promise<string> {
  const { progressRef, ...rest } = a;
  const created = await tx.announcement.create({
    data: { ...rest, status: "queued", ...(progressRef ? { progressRef } : {}) },
    select: { id: true },
  });
  return created.id;
}

export interface NewDeliveryRow {
  id: string;
  contactId: string;
  channel: string;
  externalId: string;
  status: string;
  lastError: string | null;
  text: string | null;
}

/** Deliveries of an announcement, all due at `nextAttemptAt`, in one statement. */
export async function insertDeliveries(
  tx: Tx,
  announcementId: string,
  rows: readonly NewDeliveryRow[],
  nextAttemptAt: Date,
): Promise<void> {
  const at = nextAttemptAt.toISOString();
  await tx.$executeRaw`
    INSERT INTO "Delivery" (id, "announcementId", "contactId", channel, "externalId", status, "lastError", "nextAttemptAt", text)
    SELECT t.id, ${announcementId}, t.cid, t.ch, t.ext, t.st, t.err, ${at}::timestamp, t.txt
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.contactId)}::text[],
      ${rows.map((r) => r.channel)}::text[], ${rows.map((r) => r.externalId)}::text[],
      ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.lastError)}::text[],
      ${rows.map((r) => r.text)}::text[]) AS t(id, cid, ch, ext, st, err, txt)`;
}

/** Queued again with nothing finished, so the worker and the reports count new or retried deliveries. */
export async function reopenAnnouncement(tx: Tx, id: string): Promise<void> {
  await tx.announcement.update({
    where: { id },
    data: { status: "queued", finishedAt: null },
    select: { id: true },
  });
}

/** Failed deliveries go out again (attempts reset); returns how many. */
export async function requeueFailedDeliveries(tx: Tx, announcementId: string, now: Date): Promise<number> {
  const r = await tx.delivery.updateMany({
    where: { announcementId, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, claimedAt: null },
  });
  return r.count;
}

// ---- progress of running announcements ----

/** Queued or sending announcements whose time has come, oldest first. */
export async function activeAnnouncements(
  db: Db,
  statuses: string[],
  now: Date,
  take: number,
): Promise<{ id: string; status: string; progressRef: unknown }[]> {
  return db.announcement.findMany({
    where: { status: { in: statuses }, scheduledAt: { lte: now } },
    select: { id: true, status: true, progressRef: true },
    orderBy: { scheduledAt: "asc" },
    take,
  });
}

/** Moves the announcement from one of `from` to `to`; false when another worker did first. */
export async function moveAnnouncementStatus(
  db: Db,
  id: string,
  from: string[],
  to: { status: string; finishedAt?: Date },
): Promise<boolean> {
  const r = await db.announcement.updateMany({ where: { id, status: { in: from } }, data: to });
  return r.count === 1;
}

export async function saveProgressRef(db: Db, id: string, ref: Prisma.InputJsonValue): Promise<void> {
  await db.announcement.update({ where: { id }, data: { progressRef: ref }, select: { id: true } });
}

// ---- reports ----

/** An announcement with its competition, for /laporan and the CLI. */
export async function announcementForReport(db: Db, id: string) {
  return db.announcement.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      status: true,
      urgent: true,
      text: true,
      audience: true,
      createdAt: true,
      scheduledAt: true,
      finishedAt: true,
      competition: { select: { id: true, name: true, timezone: true } },
    },
  });
}

/** Failed deliveries of an announcement with the contact's name, by contact. */
export async function failedDeliveries(db: Db, announcementId: string, limit?: number) {
  return db.delivery.findMany({
    where: { announcementId, status: "failed" },
    select: {
      contactId: true,
      channel: true,
      externalId: true,
      attempts: true,
      lastError: true,
      contact: { select: { displayName: true } },
    },
    orderBy: { contactId: "asc" },
    ...(limit !== undefined ? { take: limit } : {}),
  });
}

/** Skipped deliveries of an announcement counted per stored error text. */
export async function skippedByError(
  db: Db,
  announcementId: string,
): Promise<{ lastError: string | null; n: number }[]> {
  const rows = await db.delivery.groupBy({
    by: ["lastError"],
    where: { announcementId, status: "skipped" },
    _count: { _all: true },
  });
  return rows.map((r) => ({ lastError: r.lastError, n: r._count._all }));
}

/** The latest announcements of some competitions, newest first. */
export async function latestAnnouncements(db: Db, competitionIds: readonly string[], take: number) {
  return db.announcement.findMany({
    where: { competitionId: { in: [...competitionIds] } },
    select: {
      id: true,
      kind: true,
      status: true,
      createdAt: true,
      competition: { select: { timezone: true } },
    },
    orderBy: { createdAt: "desc" },
    take,
  });
}
