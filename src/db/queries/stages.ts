import type { Db, Tx } from "../createDatabase.ts";

/** A proposal as a stage change needs it. */
export interface StageProposal {
  id: string;
  code: string;
  title: string;
  stage: string;
  unitId: string;
  competitionId: string;
}

const select = { id: true, code: true, title: true, stage: true, unitId: true, competitionId: true } as const;

export async function stageProposalByCode(db: Db, code: string): Promise<StageProposal | null> {
  return db.proposal.findUnique({ where: { code }, select });
}

export async function stageProposalsByCodes(db: Db, codes: string[]): Promise<StageProposal[]> {
  return db.proposal.findMany({ where: { code: { in: codes } }, select });
}

/** Moves a proposal to a stage and records the StageEvent (who, when, note). */
export async function moveToStage(
  tx: Tx,
  c: { proposalId: string; stage: string; note: string; actorId?: string },
): Promise<void> {
  await tx.proposal.update({ where: { id: c.proposalId }, data: { stage: c.stage }, select: { id: true } });
  await tx.stageEvent.create({
    data: { proposalId: c.proposalId, stage: c.stage, note: c.note, actorId: c.actorId },
    select: { id: true },
  });
}
