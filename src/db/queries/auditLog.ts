import type { Db } from "../createDatabase.ts";
import { Prisma } from "../generated/client.ts";

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subject: string;
  details: unknown;
}

/**
 * Audit rows about some competitions: their proposals (by code), announcements (by id), or the
 * competition itself (slug, "slug/stage"); plus, with no competition chosen, the viewer's own.
 * Newest first; the distinct kinds for the filter come along.
 */
export async function auditPage(
  db: Db,
  q: {
    viewerId: string;
    competitionIds: string[];
    includeOwn?: boolean;
    person: string;
    kind: string;
    limit: number;
  },
): Promise<{ rows: AuditRow[]; kinds: string[] }> {
  const ids = q.competitionIds;
  const scope = Prisma.sql`(
    EXISTS (SELECT 1 FROM "Proposal" p WHERE p.code = a.subject AND p."competitionId" = ANY(${ids}::text[]))
    OR EXISTS (SELECT 1 FROM "Announcement" n WHERE n.id = a.subject AND n."competitionId" = ANY(${ids}::text[]))
    OR EXISTS (SELECT 1 FROM "Competition" k WHERE k.id = ANY(${ids}::text[]) AND (a.subject = k.slug OR a.subject LIKE k.slug || '/%'))
    ${q.includeOwn === false ? Prisma.empty : Prisma.sql`OR a."actorId" = ${q.viewerId}`})`;
  const conds = [scope];
  if (q.person)
    conds.push(Prisma.sql`(c."displayName" ILIKE ${`%${q.person}%`} OR a."actorId" = ${q.person})`);
  if (q.kind) conds.push(Prisma.sql`a.action = ${q.kind}`);
  const rows = await db.$queryRaw<AuditRow[]>`
    SELECT a.id, a."createdAt", a."actorId", c."displayName" AS "actorName", a.action, a.subject, a.details
    FROM "AuditLog" a LEFT JOIN "Contact" c ON c.id = a."actorId"
    WHERE ${Prisma.join(conds, " AND ")}
    ORDER BY a."createdAt" DESC LIMIT ${q.limit}`;
  const kinds = await db.$queryRaw<{ action: string }[]>`
    SELECT DISTINCT a.action FROM "AuditLog" a WHERE ${scope} ORDER BY a.action`;
  return { rows, kinds: kinds.map((k) => k.action) };
}
