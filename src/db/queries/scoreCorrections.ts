import type { Db } from "../createDatabase.ts";

/** The release of a competition's stage, if its scores are released. */
export async function releaseOf(db: Db, competitionId: string, stage: string) {
  return db.scoreRelease.findUnique({
    where: { competitionId_stage: { competitionId, stage } },
    select: { releasedAt: true, totalsOnly: true, withComments: true },
  });
}

/** Every score row of a proposal at a stage (all revisions) and its declared conflicts. */
export async function proposalScores(db: Db, proposalId: string, stage: string) {
  const [scores, conflicts] = await Promise.all([
    db.score.findMany({
      where: { proposalId, stage },
      select: { proposalId: true, judge: true, criterion: true, value: true, comment: true, revision: true },
    }),
    db.judgeConflict.findMany({ where: { proposalId }, select: { judge: true } }),
  ]);
  return { scores, conflicted: new Set(conflicts.map((c) => c.judge)) };
}

/** The released results of the stage in the proposal's group and category (for re-ranking). */
export async function peerResults(
  db: Db,
  p: { competitionId: string; group: string; category: string },
  stage: string,
) {
  return db.scoreResult.findMany({
    where: { stage, proposal: { competitionId: p.competitionId, group: p.group, category: p.category } },
    select: { proposalId: true, total: true, rank: true, rankOf: true, advances: true },
  });
}

export interface Correction {
  proposalId: string;
  stage: string;
  ticketId: string;
  ticketNumber: number;
  actorId?: string;
  /** New score rows (next revision per judge and criterion); earlier rows stay. */
  rows: { judge: string; criterion: string; value: number; revision: number }[];
  /** The proposal's re-aggregated result. */
  result: { total: number | null; criteria: { key: string; mean: number | null; judges: number }[] };
  /** Rank, rank-of and cut of every peer after re-ranking (the proposal itself included). */
  ranks: { proposalId: string; rank: number | null; rankOf: number; advances: boolean | null }[];
  at: Date;
}

/** Writes a correction in one transaction: new score rows, the re-released result, peers' ranks, audit. */
export async function applyCorrection(db: Db, c: Correction): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.score.createMany({
      data: c.rows.map((r) => ({
        proposalId: c.proposalId,
        stage: c.stage,
        judge: r.judge,
        criterion: r.criterion,
        value: r.value,
        revision: r.revision,
        ticketId: c.ticketId,
        comment: "",
        createdAt: c.at,
      })),
    });
    await tx.scoreResult.update({
      where: { proposalId_stage: { proposalId: c.proposalId, stage: c.stage } },
      data: { total: c.result.total, criteria: c.result.criteria, releasedAt: c.at },
      select: { proposalId: true },
    });
    for (const r of c.ranks)
      await tx.scoreResult.update({
        where: { proposalId_stage: { proposalId: r.proposalId, stage: c.stage } },
        data: { rank: r.rank, rankOf: r.rankOf, advances: r.advances },
        select: { proposalId: true },
      });
    await tx.ticketMessage.create({
      data: {
        ticketId: c.ticketId,
        authorId: c.actorId,
        kind: "correction",
        text: c.rows.map((r) => `${r.criterion}/${r.judge} = ${r.value}`).join("; "),
        createdAt: c.at,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: c.actorId,
        action: "scores.correct",
        subject: `#${c.ticketNumber}`,
        details: {
          proposalId: c.proposalId,
          stage: c.stage,
          rows: c.rows,
          total: c.result.total,
        },
        createdAt: c.at,
      },
    });
  });
}

/** The proposal a correction re-scores: its group and category are the ranking's peers. */
export async function correctionTarget(db: Db, proposalId: string) {
  return db.proposal.findUnique({
    where: { id: proposalId },
    select: { id: true, competitionId: true, group: true, category: true, code: true },
  });
}

/** Whether the proposal has a (released) result at the stage. */
export async function hasResult(db: Db, proposalId: string, stage: string): Promise<boolean> {
  const r = await db.scoreResult.findUnique({
    where: { proposalId_stage: { proposalId, stage } },
    select: { proposalId: true },
  });
  return r !== null;
}
