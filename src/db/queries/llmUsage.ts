import type { Db } from "../createDatabase.ts";

/** Which LLM calls to count: since an instant, optionally in one competition. */
export interface UsageFilter {
  since: Date;
  competitionId?: string;
}

export interface UsageTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

function where(f: UsageFilter) {
  return { createdAt: { gte: f.since }, ...(f.competitionId ? { competitionId: f.competitionId } : {}) };
}

/** Calls and tokens per purpose, model and outcome. */
export async function usageByPurpose(
  db: Db,
  f: UsageFilter,
): Promise<({ purpose: string; model: string; outcome: string } & UsageTotals)[]> {
  const rows = await db.llmUsage.groupBy({
    by: ["purpose", "model", "outcome"],
    where: where(f),
    _count: { _all: true },
    _sum: { promptTokens: true, completionTokens: true },
    orderBy: [{ purpose: "asc" }, { model: "asc" }, { outcome: "asc" }],
  });
  return rows.map((r) => ({
    purpose: r.purpose,
    model: r.model,
    outcome: r.outcome,
    calls: r._count._all,
    promptTokens: r._sum.promptTokens ?? 0,
    completionTokens: r._sum.completionTokens ?? 0,
  }));
}

/** The contacts with the most calls (ids only). */
export async function heaviestContacts(
  db: Db,
  f: UsageFilter,
  take = 10,
): Promise<({ contactId: string } & UsageTotals)[]> {
  const rows = await db.llmUsage.groupBy({
    by: ["contactId"],
    where: where(f),
    _count: { _all: true },
    _sum: { promptTokens: true, completionTokens: true },
    orderBy: { _count: { contactId: "desc" } },
    take,
  });
  return rows.map((r) => ({
    contactId: r.contactId,
    calls: r._count._all,
    promptTokens: r._sum.promptTokens ?? 0,
    completionTokens: r._sum.completionTokens ?? 0,
  }));
}
