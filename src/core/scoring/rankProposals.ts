/** A proposal to rank: its total and the group/category it competes in. */
export interface Rankable {
  id: string;
  group: string;
  category: string;
  total: number | null;
}

export interface RankResult {
  /** 1 = best; equal totals share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number | null;
  /** Ranked proposals in the same group and category. */
  of: number;
}

// Totals are means of means: compare at a fixed precision so 80.000000001 ties with 80.
const key = (t: number) => Math.round(t * 1e6);

/** Ranks within each group+category; proposals without a total get no rank. */
export function rankProposals(items: readonly Rankable[]): Map<string, RankResult> {
  const parts = new Map<string, Rankable[]>();
  for (const it of items) {
    const k = `${it.group}\u0000${it.category}`;
    const list = parts.get(k) ?? [];
    list.push(it);
    parts.set(k, list);
  }
  const out = new Map<string, RankResult>();
  for (const list of parts.values()) {
    const ranked = list.filter((x): x is Rankable & { total: number } => x.total !== null);
    ranked.sort((a, b) => key(b.total) - key(a.total));
    let rank = 0;
    ranked.forEach((x, i) => {
      if (i === 0 || key(ranked[i - 1]!.total) !== key(x.total)) rank = i + 1;
      out.set(x.id, { rank, of: ranked.length });
    });
    for (const x of list) if (x.total === null) out.set(x.id, { rank: null, of: ranked.length });
  }
  return out;
}
