import type { Db } from "../createDatabase.ts";
import type { ReportRow } from "./reportRows.ts";

/** One proposal as the overview grid shows it: the report row plus region and each section's mark. */
export interface GridRow extends ReportRow {
  region: string;
  /** "key:mark" per drafted section. */
  marks: string[];
}

/** Every proposal of a competition with unit, marks and last member activity, in one query. */
export async function loadGridRows(db: Db, competitionId: string): Promise<GridRow[]> {
  return db.$queryRaw<GridRow[]>`
    SELECT p.code, p.title, u.name AS unit, u.instansi, u.region, p."group", p.category, p.stage, p.readiness,
      COALESCE(array_agg(d."sectionKey") FILTER (WHERE d.mark = 'complete'), '{}') AS complete,
      COALESCE(array_agg(d."sectionKey" || ':' || d.mark) FILTER (WHERE d.id IS NOT NULL), '{}') AS marks,
      (SELECT max(c."lastActiveAt") FROM "Membership" m JOIN "Contact" c ON c.id = m."contactId" WHERE m."unitId" = p."unitId") AS "lastActive",
      (SELECT count(*)::int FROM "ProposalAttachment" a WHERE a."proposalId" = p.id) AS files,
      EXISTS (SELECT 1 FROM "ProposalAttachment" a WHERE a."proposalId" = p.id AND a.kind = 'sk') AS sk,
      (p."videoUrl" IS NOT NULL) AS video
    FROM "Proposal" p JOIN "Unit" u ON u.id = p."unitId"
    LEFT JOIN "SectionDraft" d ON d."proposalId" = p.id
    WHERE p."competitionId" = ${competitionId}
    GROUP BY p.id, u.id
    ORDER BY p."createdAt", p.code`;
}
