import type { Db } from "../createDatabase.ts";

/** One proposal as the secretariat's summary sees it. */
export interface ReportRow {
  code: string;
  title: string;
  unit: string;
  instansi: string;
  group: string;
  category: string;
  stage: string;
  readiness: number;
  /** Section keys marked complete. */
  complete: string[];
  /** Latest Contact.lastActiveAt among the unit's members; null when the unit has none. */
  lastActive: Date | null;
  /** Files attached to the proposal (SK, supporting documents, others) and whether an SK is among them. */
  files: number;
  sk: boolean;
  video: boolean;
  /** AI suggestions shown to the writers, per section key (see llm/aiUseLog). */
  aiUse?: Record<string, number>;
}

/** Every proposal of a competition with its unit, marks and last member activity: one query. */
export async function loadReportRows(db: Db, competitionId: string): Promise<ReportRow[]> {
  return db.$queryRaw<ReportRow[]>`
    SELECT p.code, p.title, u.name AS unit, u.instansi, p."group", p.category, p.stage, p.readiness,
      COALESCE((SELECT array_agg(d."sectionKey") FROM "SectionDraft" d WHERE d."proposalId" = p.id AND d.mark = 'complete'), '{}') AS complete,
      (SELECT max(c."lastActiveAt") FROM "Membership" m JOIN "Contact" c ON c.id = m."contactId" WHERE m."unitId" = p."unitId") AS "lastActive",
      (SELECT count(*)::int FROM "ProposalAttachment" a WHERE a."proposalId" = p.id) AS files,
      EXISTS (SELECT 1 FROM "ProposalAttachment" a WHERE a."proposalId" = p.id AND a.kind = 'sk') AS sk,
      (p."videoUrl" IS NOT NULL) AS video,
      (SELECT COALESCE(json_object_agg(x.k, x.n), '{}'::json) FROM (
        SELECT s."sectionKey" AS k, count(*)::int AS n FROM "AiSuggestion" s
        WHERE s."proposalId" = p.id AND s."sectionKey" IS NOT NULL GROUP BY s."sectionKey") x) AS "aiUse"
    FROM "Proposal" p JOIN "Unit" u ON u.id = p."unitId"
    WHERE p."competitionId" = ${competitionId}
    ORDER BY p."createdAt", p.code`;
}
