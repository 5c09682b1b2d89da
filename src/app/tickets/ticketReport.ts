import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { ticketFigures } from "../../db/queries/tickets.ts";

export interface TicketReport {
  open: number;
  /** Median wall-clock time from a ticket to its first answer, in hours; null before any answer. */
  medianFirstAnswerHours: number | null;
  answered: number;
  /** Appeals per criterion, most contested first. */
  appealsByCriterion: { key: string; name: string; appeals: number; accepted: number }[];
}

/** Open tickets, median time to first answer and the contested criteria, for the report and dashboard. */
export async function ticketReport(db: Db, competitionId: string, template: Template): Promise<TicketReport> {
  const f = await ticketFigures(db, competitionId);
  const counts = new Map<string, { appeals: number; accepted: number }>();
  for (const a of f.appeals)
    for (const key of a.criteria) {
      const c = counts.get(key) ?? { appeals: 0, accepted: 0 };
      c.appeals++;
      if (a.decision === "accepted") c.accepted++;
      counts.set(key, c);
    }
  return {
    open: f.open,
    answered: f.answerTimesMs.length,
    medianFirstAnswerHours: median(f.answerTimesMs.map((ms) => ms / 3_600_000)),
    appealsByCriterion: [...counts.entries()]
      .map(([key, c]) => ({ key, name: template.criteria.find((x) => x.key === key)?.name.id ?? key, ...c }))
      .sort((a, b) => b.appeals - a.appeals || a.key.localeCompare(b.key)),
  };
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
