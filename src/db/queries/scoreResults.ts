import type { Db } from "../createDatabase.ts";

/** Released totals of a competition (0..100 each), per stage in release order. */
export async function releasedTotals(
  db: Db,
  competitionId: string,
): Promise<{ stage: string; code: string; total: number | null }[]> {
  const rows = await db.scoreResult.findMany({
    where: { proposal: { competitionId } },
    select: { stage: true, total: true, proposal: { select: { code: true } } },
    orderBy: [{ releasedAt: "asc" }, { proposal: { code: "asc" } }],
  });
  return rows.map((r) => ({ stage: r.stage, code: r.proposal.code, total: r.total }));
}
