import type { AudienceParts, PushChannel } from "../../core/broadcast/audienceSchema.ts";
import type { Db } from "../createDatabase.ts";
import { Prisma } from "../generated/client.ts";

/** A member of a matched unit, once, with their matched proposals and one identity to push to. */
export interface AudienceMember {
  contactId: string;
  proposals: string[];
  optedOut: boolean;
  locale: string;
  channel: string | null;
  externalId: string | null;
}

/**
 * Everyone with a membership in a unit with a proposal of the competition matching the parts,
 * each once, with the identity first in `preference` (on WhatsApp the phone JID before a LID,
 * then the newest); channel null when they have none of those.
 */
export async function audienceMembers(
  db: Db,
  q: {
    competitionId: string;
    parts: AudienceParts;
    /** Template section keys: "incomplete" means one of them is not marked complete. */
    sectionKeys: readonly string[];
    preference: readonly PushChannel[];
  },
): Promise<AudienceMember[]> {
  const conds: Prisma.Sql[] = [Prisma.sql`p."competitionId" = ${q.competitionId}`];
  if (q.parts.stages.length) conds.push(Prisma.sql`p.stage = ANY(${q.parts.stages}::text[])`);
  if (q.parts.groups.length) conds.push(Prisma.sql`p."group" = ANY(${q.parts.groups}::text[])`);
  if (q.parts.categories.length) conds.push(Prisma.sql`p.category = ANY(${q.parts.categories}::text[])`);
  if (q.parts.regions.length) {
    const regions = q.parts.regions.map((r) => r.trim().toLowerCase());
    conds.push(Prisma.sql`lower(btrim(u.region)) = ANY(${regions}::text[])`);
  }
  if (q.parts.incomplete) {
    const keys = [...q.sectionKeys];
    conds.push(Prisma.sql`(SELECT count(*) FROM "SectionDraft" s
      WHERE s."proposalId" = p.id AND s.mark = 'complete' AND s."sectionKey" = ANY(${keys}::text[])) < ${keys.length}`);
  }
  return db.$queryRaw<AudienceMember[]>`
    WITH matched AS (
      SELECT m."contactId", array_agg(DISTINCT p.id) AS proposals
      FROM "Proposal" p
      JOIN "Unit" u ON u.id = p."unitId"
      JOIN "Membership" m ON m."unitId" = p."unitId"
      WHERE ${Prisma.join(conds, " AND ")}
      GROUP BY m."contactId"
    )
    SELECT mt."contactId", mt.proposals, c."optedOut", c.locale, ci.channel, ci."externalId"
    FROM matched mt
    JOIN "Contact" c ON c.id = mt."contactId"
    LEFT JOIN LATERAL (
      SELECT i.channel, i."externalId" FROM "ChannelIdentity" i
      WHERE i."contactId" = mt."contactId" AND i.channel = ANY(${q.preference}::text[])
      ORDER BY array_position(${q.preference}::text[], i.channel),
        (i."externalId" LIKE '%@s.whatsapp.net') DESC, i."createdAt" DESC, i.id
      LIMIT 1
    ) ci ON true
    ORDER BY mt."contactId"`;
}

/** Proposals of a competition per stage (the composer's stage choices). */
export async function proposalsPerStage(
  db: Db,
  competitionId: string,
): Promise<{ key: string; n: number }[]> {
  const rows = await db.proposal.groupBy({ by: ["stage"], where: { competitionId }, _count: { _all: true } });
  return rows.map((r) => ({ key: r.stage, n: r._count._all }));
}

/** Proposals of a competition per group, those without one left out. */
export async function proposalsPerGroup(
  db: Db,
  competitionId: string,
): Promise<{ key: string; n: number }[]> {
  const rows = await db.proposal.groupBy({
    by: ["group"],
    where: { competitionId, group: { not: "" } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ key: r.group, n: r._count._all }));
}

/** Proposals of a competition per category, those without one left out. */
export async function proposalsPerCategory(
  db: Db,
  competitionId: string,
): Promise<{ key: string; n: number }[]> {
  const rows = await db.proposal.groupBy({
    by: ["category"],
    where: { competitionId, category: { not: "" } },
    _count: { _all: true },
  });
  return rows.map((r) => ({ key: r.category, n: r._count._all }));
}

/** The thirty regions (trimmed) with the most proposals in a competition, largest first. */
export async function proposalsPerRegion(
  db: Db,
  competitionId: string,
): Promise<{ region: string; n: number }[]> {
  const rows = await db.$queryRaw<{ region: string; n: bigint | number }[]>`
    SELECT btrim(u.region) AS region, count(*) AS n
    FROM "Proposal" p JOIN "Unit" u ON u.id = p."unitId"
    WHERE p."competitionId" = ${competitionId} AND btrim(u.region) <> ''
    GROUP BY btrim(u.region) ORDER BY count(*) DESC, btrim(u.region) LIMIT 30`;
  return rows.map((r) => ({ region: r.region, n: Number(r.n) }));
}
