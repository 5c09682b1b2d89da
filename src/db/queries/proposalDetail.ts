import type { Db } from "../createDatabase.ts";

const REVISIONS_PER_SECTION = 10;

/** Everything the proposal page shows, by competition and code. */
export async function loadProposalDetail(db: Db, competitionId: string, code: string) {
  return db.proposal.findFirst({
    where: { competitionId, code },
    select: {
      id: true,
      code: true,
      title: true,
      group: true,
      category: true,
      stage: true,
      readiness: true,
      startYear: true,
      unitId: true,
      competitionId: true,
      unit: { select: { name: true, instansi: true, region: true } },
      sections: {
        select: {
          sectionKey: true,
          text: true,
          mark: true,
          updatedAt: true,
          revisions: {
            select: { id: true, text: true, source: true, createdAt: true, authorId: true },
            orderBy: { createdAt: "desc" },
            take: REVISIONS_PER_SECTION,
          },
        },
      },
      events: {
        select: { stage: true, note: true, actorId: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      scores: {
        select: { judge: true, criterion: true, stage: true, value: true, comment: true },
        orderBy: [{ stage: "asc" }, { judge: "asc" }, { revision: "asc" }],
      },
      conflicts: { select: { judge: true, createdAt: true } },
      assignments: { select: { judge: true, stage: true, submittedAt: true } },
    },
  });
}

export type ProposalDetail = NonNullable<Awaited<ReturnType<typeof loadProposalDetail>>>;

export async function aiLogOf(db: Db, proposalId: string) {
  return db.aiSuggestion.findMany({
    where: { proposalId },
    select: { sectionKey: true, kind: true, suggestion: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** A proposal's id and unit by competition and code (access checks). */
export async function proposalRef(db: Db, competitionId: string, code: string) {
  return db.proposal.findFirst({
    where: { competitionId, code },
    select: { id: true, code: true, title: true, unitId: true, competitionId: true, stage: true },
  });
}

/** The attachments of a proposal without their bytes (the proposal page lists them). */
export async function attachmentsOf(db: Db, proposalId: string) {
  return db.proposalAttachment.findMany({
    where: { proposalId },
    select: { id: true, kind: true, sectionKey: true, fileName: true, size: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** One attachment with its bytes, only when it belongs to the proposal. */
export async function attachmentOf(db: Db, proposalId: string, id: string) {
  return db.proposalAttachment.findFirst({
    where: { id, proposalId },
    select: { fileName: true, mime: true, bytes: true },
  });
}
