import type { Db, Tx } from "../createDatabase.ts";
import type { Prisma } from "../generated/client.ts";

/** Whether one of these judges has scored the proposal (a judge sees what they score). */
export async function hasScoreBy(db: Db, proposalId: string, judges: string[]): Promise<boolean> {
  const row = await db.score.findFirst({
    where: { proposalId, judge: { in: judges } },
    select: { id: true },
  });
  return row !== null;
}

/** Every score row (all revisions) of these proposals at a stage. */
export async function scoresAtStage(db: Db, proposalIds: string[], stage: string) {
  return db.score.findMany({
    where: { proposalId: { in: proposalIds }, stage },
    select: { proposalId: true, judge: true, criterion: true, value: true, comment: true, revision: true },
  });
}

/** Whether the competition's stage has been released. */
export async function isReleased(db: Db, competitionId: string, stage: string): Promise<boolean> {
  const row = await db.scoreRelease.findUnique({
    where: { competitionId_stage: { competitionId, stage } },
    select: { id: true },
  });
  return row !== null;
}

export interface ImportedScore {
  id: string;
  proposalId: string;
  judge: string;
  criterion: string;
  value: number;
  comment: string;
}

/**
 * Writes imported scores in one statement; a re-imported score replaces the earlier imported
 * value (revision 0), while a correction made after an appeal (a higher revision) still counts.
 */
export async function upsertImportedScores(tx: Tx, stage: string, rows: ImportedScore[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Score" ("id", "proposalId", "judge", "criterion", "stage", "value", "comment")
    SELECT id, pid, j, c, ${stage}, v, cm FROM unnest(
      ${rows.map((s) => s.id)}::text[], ${rows.map((s) => s.proposalId)}::text[], ${rows.map((s) => s.judge)}::text[],
      ${rows.map((s) => s.criterion)}::text[], ${rows.map((s) => s.value)}::float8[], ${rows.map((s) => s.comment)}::text[]
    ) AS t(id, pid, j, c, v, cm)
    ON CONFLICT ("proposalId", "judge", "criterion", "stage", "revision")
    DO UPDATE SET "value" = EXCLUDED."value", "comment" = EXCLUDED."comment"`;
}

export interface NewResult {
  proposalId: string;
  total: number | null;
  rank: number | null;
  rankOf: number;
  advances: boolean | null;
  criteria: Prisma.InputJsonValue;
  comments: Prisma.InputJsonValue;
}

/** Replaces the released results of a competition's stage with these (a thousand rows a statement). */
export async function replaceResults(
  tx: Tx,
  competitionId: string,
  stage: string,
  results: NewResult[],
  releasedAt: Date,
): Promise<void> {
  await tx.scoreResult.deleteMany({ where: { stage, proposal: { competitionId } } });
  for (let i = 0; i < results.length; i += 1000)
    await tx.scoreResult.createMany({
      data: results.slice(i, i + 1000).map((r) => ({ ...r, stage, releasedAt })),
    });
}

/** Records (or renews) the release of a competition's stage. */
export async function saveRelease(
  tx: Tx,
  r: {
    competitionId: string;
    stage: string;
    totalsOnly: boolean;
    withComments: boolean;
    releasedById?: string;
    releasedAt: Date;
  },
): Promise<void> {
  const { competitionId, stage, ...rest } = r;
  await tx.scoreRelease.upsert({
    where: { competitionId_stage: { competitionId, stage } },
    create: r,
    update: rest,
    select: { id: true },
  });
}

/** A released stage of a competition and, when it has one, a proposal's result there. */
export interface ReleaseRow {
  competitionId: string;
  stage: string;
  totalsOnly: boolean;
  withComments: boolean;
  proposalId: string | null;
  total: number | null;
  rank: number | null;
  advances: boolean | null;
  criteria: unknown;
  comments: unknown;
}

/** The released stages of these competitions with the proposals' results there, in one round trip. */
export async function releasesWithResults(
  db: Db,
  competitionIds: string[],
  proposalIds: string[],
): Promise<ReleaseRow[]> {
  return db.$queryRaw<ReleaseRow[]>`
    SELECT rel."competitionId", rel.stage, rel."totalsOnly", rel."withComments",
           r."proposalId", r.total, r.rank, r.advances, r.criteria, r.comments
    FROM "ScoreRelease" rel
    LEFT JOIN "ScoreResult" r ON r.stage = rel.stage AND r."proposalId" = ANY(${proposalIds}::text[])
    WHERE rel."competitionId" = ANY(${competitionIds}::text[])`;
}

/** The competition's proposals scored at a stage, with those scores (all revisions) and declared conflicts. */
export async function scoredProposalsAtStage(db: Db, competitionId: string, stage: string) {
  return db.proposal.findMany({
    where: { competitionId, scores: { some: { stage } } },
    select: {
      id: true,
      code: true,
      title: true,
      group: true,
      category: true,
      scores: {
        where: { stage },
        select: { proposalId: true, judge: true, criterion: true, value: true, revision: true },
      },
      conflicts: { select: { judge: true } },
    },
  });
}
