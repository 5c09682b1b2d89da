import type { Locale } from "../../core/i18n/locale.ts";
import { formatDay, statusTexts } from "../../core/i18n/statusTexts.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { ProposalStatus } from "./loadProposals.ts";

export interface RenderContext {
  template: Template;
  /** Stage dates from the competition timeline (see stageDates). */
  dates: Map<string, Date>;
  locale: Locale;
  timezone: string;
  now: Date;
}

/** Short enough for one line on a phone. */
export function shortTitle(title: string, max = 60): string {
  return title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title;
}

/**
 * One proposal's status: the current stage and since when, the stages passed (✔ with dates from
 * the stage events), and the next stage with its expected date when the timeline has one.
 */
export function renderStatus(p: ProposalStatus, ctx: RenderContext): string {
  const t = statusTexts(ctx.locale);
  const { template, locale } = ctx;
  const day = (d: Date) => formatDay(locale, d, ctx.timezone, ctx.now);
  const label = (key: string) => template.stages.find((s) => s.key === key)?.label[locale] ?? key;
  const order = (key: string) => template.stages.findIndex((s) => s.key === key);
  const current = order(p.stage);
  const since = [...p.events].reverse().find((e) => e.stage === p.stage)?.createdAt ?? p.createdAt;

  const passed = new Map<string, Date>();
  for (const e of p.events)
    if (order(e.stage) >= 0 && order(e.stage) < current) passed.set(e.stage, e.createdAt);
  const done = [...passed]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([k, d]) => t.done(label(k), day(d)));

  const lines = [t.proposalLine(p.code, shortTitle(p.title)), t.currentStage(label(p.stage), day(since))];
  if (done.length) lines.push(done.join(" · "));
  const next = current >= 0 ? template.stages[current + 1] : undefined;
  if (next) {
    const date = ctx.dates.get(next.key);
    lines.push(t.next(next.label[locale], date && date > ctx.now ? day(date) : undefined));
  } else if (current >= 0) lines.push(t.lastStage);
  return lines.join("\n");
}
