import type { Db } from "../createDatabase.ts";

/** Proposals with their drafts, unit, competition (template raw) and attachments, by code. */
export async function exportRows(db: Db, ids: string[]) {
  return db.proposal.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      code: true,
      title: true,
      stage: true,
      readiness: true,
      unit: { select: { name: true, instansi: true } },
      competition: { select: { id: true, name: true, template: true } },
      sections: { select: { sectionKey: true, text: true } },
      videoUrl: true,
      attachments: {
        select: { kind: true, sectionKey: true, fileName: true, size: true },
        orderBy: { createdAt: "asc" },
      },
    },
    orderBy: { code: "asc" },
  });
}

/** The AI suggestions shown for these proposals, oldest first. */
export async function aiLogOfProposals(db: Db, ids: string[]) {
  return db.aiSuggestion.findMany({
    where: { proposalId: { in: ids } },
    select: { proposalId: true, sectionKey: true, suggestion: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}
