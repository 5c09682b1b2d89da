import type { Db, Tx } from "../createDatabase.ts";

export interface AssignmentRow {
  id: string;
  proposalId: string;
  judge: string;
  stage: string;
  draft: unknown;
  submittedAt: Date | null;
}

const select = {
  id: true,
  proposalId: true,
  judge: true,
  stage: true,
  draft: true,
  submittedAt: true,
} as const;

/** A judge's assignments in a competition (any of their references), with the proposal. */
export async function assignmentsOfJudge(db: Db, competitionId: string, judges: string[]) {
  return db.judgeAssignment.findMany({
    where: { judge: { in: judges }, proposal: { competitionId } },
    select: {
      ...select,
      proposal: { select: { code: true, title: true, unit: { select: { name: true } } } },
    },
    orderBy: [{ stage: "asc" }, { proposal: { code: "asc" } }],
  });
}

export async function assignmentsOfCompetition(db: Db, competitionId: string, stage?: string) {
  return db.judgeAssignment.findMany({
    where: { proposal: { competitionId }, ...(stage ? { stage } : {}) },
    select: { ...select, proposal: { select: { code: true, title: true } } },
    orderBy: [{ judge: "asc" }],
  });
}

export async function assignmentFor(
  db: Db,
  proposalId: string,
  judges: string[],
  stage?: string,
): Promise<AssignmentRow | null> {
  return db.judgeAssignment.findFirst({
    where: { proposalId, judge: { in: judges }, ...(stage ? { stage } : {}) },
    select,
    orderBy: { createdAt: "desc" },
  });
}

/** Creates the assignments that do not exist yet; returns how many were new. */
export async function addAssignments(
  db: Db,
  rows: { proposalId: string; judge: string; stage: string; createdById?: string }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db.judgeAssignment.createMany({ data: rows, skipDuplicates: true });
  return r.count;
}

export async function saveDraft(db: Db, id: string, draft: unknown): Promise<void> {
  await db.judgeAssignment.update({ where: { id }, data: { draft: draft as object }, select: { id: true } });
}

export async function removeAssignments(db: Db, proposalId: string, judges: string[]): Promise<number> {
  return (
    await db.judgeAssignment.deleteMany({ where: { proposalId, judge: { in: judges }, submittedAt: null } })
  ).count;
}

export async function conflictsOf(db: Db, proposalIds: string[]) {
  return db.judgeConflict.findMany({
    where: { proposalId: { in: proposalIds } },
    select: { proposalId: true, judge: true },
  });
}

export async function hasConflict(db: Db, proposalId: string, judges: string[]): Promise<boolean> {
  if (judges.length === 0) return false;
  const r = await db.judgeConflict.findFirst({
    where: { proposalId, judge: { in: judges } },
    select: { judge: true },
  });
  return r !== null;
}

export async function addConflict(db: Db, proposalId: string, judge: string): Promise<void> {
  await addConflicts(db, [{ proposalId, judge }]);
}

/** Declares conflicts of interest; returns how many were new. */
export async function addConflicts(
  db: Db | Tx,
  rows: { proposalId: string; judge: string }[],
): Promise<number> {
  return (await db.judgeConflict.createMany({ data: rows, skipDuplicates: true })).count;
}

/** A judge's scores at a stage on some proposals, all revisions, later revisions last (they count). */
export async function judgeScores(
  db: Db,
  q: { judge: string; stage: string; proposalIds: string[] },
): Promise<{ proposalId: string; criterion: string; value: number; comment: string }[]> {
  return db.score.findMany({
    where: { judge: q.judge, stage: q.stage, proposalId: { in: q.proposalIds } },
    select: { proposalId: true, criterion: true, value: true, comment: true },
    orderBy: { revision: "asc" },
  });
}

export async function markSubmitted(db: Db, id: string, at: Date): Promise<void> {
  await db.judgeAssignment.update({ where: { id }, data: { submittedAt: at }, select: { id: true } });
}

/** Marks the judge's open assignment on the proposal with this code submitted (an imported sheet). */
export async function markSubmittedByCode(
  db: Db,
  a: { competitionId: string; code: string; judge: string; stage: string },
  at: Date,
): Promise<void> {
  await db.judgeAssignment.updateMany({
    where: {
      judge: a.judge,
      stage: a.stage,
      proposal: { code: a.code, competitionId: a.competitionId },
      submittedAt: null,
    },
    data: { submittedAt: at },
  });
}
