import type { Db, Tx } from "../createDatabase.ts";

/** A proposal's current section drafts: text and completeness mark per section key. */
export async function sectionDraftsOf(
  db: Db | Tx,
  proposalId: string,
): Promise<{ sectionKey: string; text: string; mark: string }[]> {
  return db.sectionDraft.findMany({
    where: { proposalId },
    select: { sectionKey: true, text: true, mark: true },
  });
}

/** Corrects the mark of a draft whose text did not change. */
export async function setSectionMark(
  tx: Tx,
  proposalId: string,
  sectionKey: string,
  mark: string,
): Promise<void> {
  await tx.sectionDraft.update({
    where: { proposalId_sectionKey: { proposalId, sectionKey } },
    data: { mark },
    select: { id: true },
  });
}

/** A new text for a section: the draft (created when missing) and a revision with its author and source. */
export async function saveSectionRevision(
  tx: Tx,
  r: {
    proposalId: string;
    sectionKey: string;
    text: string;
    mark: string;
    authorId: string | null;
    source: string;
  },
): Promise<void> {
  const draft = await tx.sectionDraft.upsert({
    where: { proposalId_sectionKey: { proposalId: r.proposalId, sectionKey: r.sectionKey } },
    create: { proposalId: r.proposalId, sectionKey: r.sectionKey, text: r.text, mark: r.mark },
    update: { text: r.text, mark: r.mark },
    select: { id: true },
  });
  await tx.sectionRevision.create({
    data: { draftId: draft.id, text: r.text, authorId: r.authorId, source: r.source },
    select: { id: true },
  });
}

export async function setReadiness(tx: Tx, proposalId: string, readiness: number): Promise<void> {
  await tx.proposal.update({ where: { id: proposalId }, data: { readiness }, select: { id: true } });
}
