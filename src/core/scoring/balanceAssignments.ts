/** A proposal to be judged, with what the balance looks at. */
export interface AssignableProposal {
  id: string;
  category: string;
  region: string;
}

export interface BalanceInput {
  proposals: readonly AssignableProposal[];
  judges: readonly string[];
  /** How many judges each proposal should have. */
  perProposal: number;
  /** Existing assignments at the stage ("proposalId|judge"). */
  existing: ReadonlySet<string>;
  /** Declared conflicts ("proposalId|judge"): never assigned. */
  conflicts: ReadonlySet<string>;
}

/**
 * New assignments so each proposal reaches `perProposal` judges: each slot goes to the judge
 * with the fewest assignments so far, then the fewest in the proposal's category, then in its
 * region (so every judge sees a spread), then by name; never a judge with a conflict.
 * Proposals for which too few judges are free get as many as there are.
 */
export function balanceAssignments(input: BalanceInput): { proposalId: string; judge: string }[] {
  const load = new Map(input.judges.map((j) => [j, 0]));
  const byCat = new Map<string, number>();
  const byRegion = new Map<string, number>();
  const key = (a: string, b: string) => `${a}|${b}`;
  const info = new Map(input.proposals.map((p) => [p.id, p]));
  for (const e of input.existing) {
    const [pid, judge] = e.split("|") as [string, string];
    if (!load.has(judge)) continue;
    load.set(judge, load.get(judge)! + 1);
    const p = info.get(pid);
    if (p) {
      byCat.set(key(judge, p.category), (byCat.get(key(judge, p.category)) ?? 0) + 1);
      byRegion.set(key(judge, p.region), (byRegion.get(key(judge, p.region)) ?? 0) + 1);
    }
  }
  const out: { proposalId: string; judge: string }[] = [];
  const taken = new Set<string>();
  const ordered = [...input.proposals].sort(
    (a, b) =>
      a.category.localeCompare(b.category) || a.region.localeCompare(b.region) || a.id.localeCompare(b.id),
  );
  for (const p of ordered) {
    const have = input.judges.filter((j) => input.existing.has(key(p.id, j))).length;
    for (let slot = have; slot < input.perProposal; slot++) {
      const free = input.judges.filter(
        (j) =>
          !input.existing.has(key(p.id, j)) && !input.conflicts.has(key(p.id, j)) && !taken.has(key(p.id, j)),
      );
      if (free.length === 0) break;
      free.sort(
        (a, b) =>
          load.get(a)! - load.get(b)! ||
          (byCat.get(key(a, p.category)) ?? 0) - (byCat.get(key(b, p.category)) ?? 0) ||
          (byRegion.get(key(a, p.region)) ?? 0) - (byRegion.get(key(b, p.region)) ?? 0) ||
          a.localeCompare(b),
      );
      const j = free[0]!;
      out.push({ proposalId: p.id, judge: j });
      taken.add(key(p.id, j));
      load.set(j, load.get(j)! + 1);
      byCat.set(key(j, p.category), (byCat.get(key(j, p.category)) ?? 0) + 1);
      byRegion.set(key(j, p.region), (byRegion.get(key(j, p.region)) ?? 0) + 1);
    }
  }
  return out;
}
