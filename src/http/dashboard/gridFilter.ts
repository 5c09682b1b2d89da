import type { Template } from "../../core/templates/templateSchema.ts";
import type { ProposalRow } from "../../db/queries/proposalRows.ts";

export interface GridFilter {
  region: string;
  stage: string;
  incomplete: boolean;
  inactiveDays: number | undefined;
  sort: "readiness" | "activity" | "code";
}

/** The grid's filter from the query string; anything unreadable means "no filter". */
export function readGridFilter(q: (k: string) => string | undefined): GridFilter {
  const days = Number.parseInt(q("inactive") ?? "", 10);
  const sort = q("sort");
  return {
    region: (q("region") ?? "").trim(),
    stage: (q("stage") ?? "").trim(),
    incomplete: q("incomplete") === "1",
    inactiveDays: Number.isFinite(days) && days >= 0 && days < 10_000 ? days : undefined,
    sort: sort === "readiness" || sort === "activity" ? sort : "code",
  };
}

export function filterQuery(f: GridFilter): string {
  const p = new URLSearchParams();
  if (f.region) p.set("region", f.region);
  if (f.stage) p.set("stage", f.stage);
  if (f.incomplete) p.set("incomplete", "1");
  if (f.inactiveDays !== undefined) p.set("inactive", String(f.inactiveDays));
  if (f.sort !== "code") p.set("sort", f.sort);
  return p.toString();
}

/** The rows a filter keeps, in its order. */
export function applyGridFilter(
  rows: readonly ProposalRow[],
  f: GridFilter,
  template: Template,
  now: Date,
): ProposalRow[] {
  const keys = template.sections.map((s) => s.key);
  const before = f.inactiveDays === undefined ? undefined : now.getTime() - f.inactiveDays * 86_400_000;
  const out = rows.filter(
    (r) =>
      (!f.region || r.region.trim().toLowerCase() === f.region.toLowerCase()) &&
      (!f.stage || r.stage === f.stage) &&
      (!f.incomplete || keys.some((k) => !r.complete.includes(k))) &&
      (before === undefined || r.lastActive === null || r.lastActive.getTime() <= before),
  );
  if (f.sort === "readiness") out.sort((a, b) => a.readiness - b.readiness || a.code.localeCompare(b.code));
  else if (f.sort === "activity")
    out.sort(
      (a, b) =>
        (a.lastActive?.getTime() ?? 0) - (b.lastActive?.getTime() ?? 0) || a.code.localeCompare(b.code),
    );
  else out.sort((a, b) => a.code.localeCompare(b.code));
  return out;
}

/** Counts of a key over rows, largest first. */
export function countBy(rows: readonly ProposalRow[], key: (r: ProposalRow) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
