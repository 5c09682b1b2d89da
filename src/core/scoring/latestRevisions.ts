/**
 * The scores that count: per proposal, stage, judge and criterion the row with the highest
 * revision (a correction after an accepted appeal), earlier rows kept in the table for the record.
 */
export function latestRevisions<
  T extends { proposalId: string; judge: string; criterion: string; revision: number },
>(rows: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const r of rows) {
    const k = `${r.proposalId}\u0000${r.judge}\u0000${r.criterion}`;
    const seen = best.get(k);
    if (!seen || r.revision > seen.revision) best.set(k, r);
  }
  return [...best.values()];
}
