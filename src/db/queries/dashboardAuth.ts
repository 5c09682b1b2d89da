import type { Db } from "../createDatabase.ts";

/** Sign-in links and browser sessions of the web dashboard; secrets are stored as SHA-256 only. */

export async function insertLoginToken(
  db: Db,
  row: { tokenHash: string; contactId: string; expiresAt: Date },
): Promise<void> {
  await db.dashboardLoginToken.create({ data: row, select: { tokenHash: true } });
}

/**
 * Marks a link used if it is still valid; the contact it belongs to, or undefined (unknown,
 * expired, used). One UPDATE, so two clicks on one link cannot both win.
 */
export async function consumeLoginToken(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const rows = await db.$queryRaw<{ contactId: string }[]>`
    UPDATE "DashboardLoginToken" SET "usedAt" = ${now}
    WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "contactId"`;
  return rows[0]?.contactId;
}

export async function loginTokenValid(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const r = await db.dashboardLoginToken.findUnique({
    where: { tokenHash },
    select: { usedAt: true, expiresAt: true },
  });
  return !!r && r.usedAt === null && r.expiresAt > now;
}

export async function insertSession(
  db: Db,
  row: { tokenHash: string; contactId: string; csrfToken: string; userAgent: string; expiresAt: Date },
): Promise<string> {
  return (await db.dashboardSession.create({ data: row, select: { id: true } })).id;
}

export interface SessionRow {
  id: string;
  contactId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  const s = await db.dashboardSession.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      contactId: true,
      csrfToken: true,
      expiresAt: true,
      lastSeenAt: true,
      revokedAt: true,
    },
  });
  if (!s || s.revokedAt || s.expiresAt <= now) return undefined;
  const { revokedAt: _r, ...row } = s;
  return row;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.dashboardSession.update({ where: { id }, data: { lastSeenAt: now }, select: { id: true } });
}

export async function revokeSession(db: Db, contactId: string, id: string, now: Date): Promise<number> {
  const r = await db.dashboardSession.updateMany({
    where: { id, contactId, revokedAt: null },
    data: { revokedAt: now },
  });
  return r.count;
}

export async function listSessions(db: Db, contactId: string, now: Date) {
  return db.dashboardSession.findMany({
    where: { contactId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
}

export async function contactLocale(db: Db, contactId: string) {
  return db.contact.findUnique({ where: { id: contactId }, select: { displayName: true, locale: true } });
}

/** Sign-in links and sessions past their expiry; how many went. */
export async function pruneDashboardAuth(db: Db, now: Date): Promise<number> {
  const [a, b] = await Promise.all([
    db.dashboardLoginToken.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.dashboardSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return a.count + b.count;
}
