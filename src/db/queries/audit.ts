import type { Db, Tx } from "../createDatabase.ts";
import { Prisma } from "../generated/client.ts";

/** One recorded action: who (a chat contact or a CLI operator), what, on what, when. */
export interface AuditEntry {
  id: string;
  at: Date;
  action: string;
  subject: string;
  details: unknown;
  /** The chat contact who acted, by name; null for CLI actions and system work. */
  actorName: string | null;
}

export interface AuditFilter {
  /** Entries about this competition: its slug, its proposals (code or id) and announcements. */
  competitionId?: string;
  /** Entries about this proposal, by code or id. */
  proposal?: { id: string; code: string };
  since?: Date;
  limit?: number;
}

/** The audit trail, newest first, narrowed to a competition and/or a proposal. */
export async function listAudit(db: Db, f: AuditFilter): Promise<AuditEntry[]> {
  const conds: Prisma.Sql[] = [Prisma.sql`true`];
  if (f.since) conds.push(Prisma.sql`a."createdAt" >= ${f.since.toISOString()}::timestamp`);
  if (f.proposal) conds.push(Prisma.sql`a.subject IN (${f.proposal.code}, ${f.proposal.id})`);
  if (f.competitionId)
    conds.push(Prisma.sql`(
      a.subject IN (SELECT slug FROM "Competition" WHERE id = ${f.competitionId})
      OR a.subject LIKE (SELECT slug FROM "Competition" WHERE id = ${f.competitionId}) || '/%'
      OR a.subject IN (SELECT code FROM "Proposal" WHERE "competitionId" = ${f.competitionId})
      OR a.subject IN (SELECT id FROM "Proposal" WHERE "competitionId" = ${f.competitionId})
      OR a.subject IN (SELECT id FROM "Announcement" WHERE "competitionId" = ${f.competitionId}))`);
  return db.$queryRaw<AuditEntry[]>`
    SELECT a.id, a."createdAt" AS at, a.action, a.subject, a.details, c."displayName" AS "actorName"
    FROM "AuditLog" a LEFT JOIN "Contact" c ON c.id = a."actorId"
    WHERE ${Prisma.join(conds, " AND ")}
    ORDER BY a."createdAt" DESC, a.id DESC
    LIMIT ${f.limit ?? 200}`;
}

/** A competition by slug or id, for the audit filters. */
export async function competitionRef(db: Db, ref: string): Promise<{ id: string; slug: string } | null> {
  return db.competition.findFirst({
    where: { OR: [{ slug: ref }, { id: ref }] },
    select: { id: true, slug: true },
  });
}

/** A proposal by code (any case) or id, with its competition. */
export async function proposalRef(
  db: Db,
  ref: string,
): Promise<{ id: string; code: string; competitionId: string } | null> {
  return db.proposal.findFirst({
    where: { OR: [{ code: ref.toUpperCase() }, { id: ref }] },
    select: { id: true, code: true, competitionId: true },
  });
}

/** A refused attempt to see or do what the contact's role does not allow (kept for review). */
export async function recordDenied(db: Db, contactId: string, what: string, subject = ""): Promise<void> {
  await db.auditLog.create({
    data: { actorId: contactId, action: "access.denied", subject, details: { what } },
  });
}

/** One audit-trail entry: who (a contact, or none for CLI and system work), what, on what. */
export interface NewAuditEntry {
  actorId?: string | null;
  action: string;
  subject?: string;
  details?: Prisma.InputJsonValue;
  createdAt?: Date;
}

/** Writes an audit-trail entry, inside the caller's transaction when given one. */
export async function recordAudit(db: Db | Tx, entry: NewAuditEntry): Promise<void> {
  await db.auditLog.create({ data: entry });
}
