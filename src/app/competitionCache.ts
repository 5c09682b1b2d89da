import type { CompetitionView } from "../core/dialogue/turnTypes.ts";
import { type Template, templateSchema } from "../core/templates/templateSchema.ts";
import type { Db } from "../db/createDatabase.ts";
import { competitionViews } from "../db/queries/competitions.ts";

interface Row {
  id: string;
  name: string;
  template: unknown;
  timeline: unknown;
  isOpen: boolean;
}

/**
 * Competitions change a few times a season but are read on every turn: keep the parsed,
 * validated template snapshots in memory and refresh the list every few seconds, so several
 * bot processes see a new or closed competition quickly.
 */
export function createCompetitionCache(db: Db, opts: { ttlMs?: number; now?: () => number } = {}) {
  const ttl = opts.ttlMs ?? 5_000;
  const now = opts.now ?? Date.now;
  const parsed = new Map<string, { raw: string; template: Template }>();
  let list: { at: number; views: CompetitionView[] } | undefined;

  function view(r: Row): CompetitionView {
    const raw = JSON.stringify(r.template);
    let hit = parsed.get(r.id);
    if (!hit || hit.raw !== raw) {
      hit = { raw, template: templateSchema.parse(r.template) };
      parsed.set(r.id, hit);
    }
    const deadline = (r.timeline as Record<string, unknown> | null)?.submission_deadline;
    return {
      id: r.id,
      name: r.name,
      template: hit.template,
      isOpen: r.isOpen,
      deadline: typeof deadline === "string" ? new Date(deadline) : undefined,
    };
  }

  return {
    /** Every competition (open and closed), newest first. */
    async all(): Promise<CompetitionView[]> {
      if (list && now() - list.at < ttl) return list.views;
      const rows = await competitionViews(db);
      list = { at: now(), views: rows.map(view) };
      return list.views;
    },
    invalidate(): void {
      list = undefined;
    },
  };
}

export type CompetitionCache = ReturnType<typeof createCompetitionCache>;
