import type { Locale } from "../../core/i18n/locale.ts";
import { formatScore, statusTexts } from "../../core/i18n/statusTexts.ts";
import { announcedRank } from "../../core/scoring/announcedRank.ts";
import { renderFocus } from "../../core/scoring/renderFocus.ts";
import { displayTotal, formatIndex } from "../../core/scoring/scoreDisplay.ts";
import { scoreFocus } from "../../core/scoring/scoreFocus.ts";
import { stageCut } from "../../core/scoring/stageCut.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import { shortTitle } from "./renderStatus.ts";

export interface ReleasedResult {
  stage: string;
  totalsOnly: boolean;
  withComments: boolean;
  total: number | null;
  rank: number | null;
  advances: boolean | null;
  criteria: { key: string; mean: number | null; judges: number }[];
  comments: { criterion: string; text: string }[];
}

const MAX_COMMENTS = 12;

/**
 * Released scores of one proposal at one stage: per criterion the weight and mean, the total, the
 * rank (once announced), the stage's minimum; and the weak criteria (below 60% of the scale) by
 * weight × gap with what the draft still misses for them, so the score feeds the coaching. A
 * totals-only release shows the total alone; comments only when released with comments.
 */
export function renderScores(
  /** `stage`: where the proposal is now (a rank is told once its cut is announced); absent = none told. */
  p: { code: string; title: string; group: string; stage?: string },
  r: ReleasedResult,
  template: Template,
  locale: Locale,
  /** The proposal's current section texts, so the advice names only what is still missing. */
  texts: Record<string, string> = {},
): string {
  const t = statusTexts(locale);
  // Criterion means are on the score scale; an index template shows them with its own decimals.
  const decimals = template.scoreDisplay?.decimals;
  const num = (n: number) =>
    decimals === undefined ? formatScore(locale, n) : formatIndex(locale, n, decimals);
  const stageLabel = template.stages.find((s) => s.key === r.stage)?.label[locale] ?? r.stage;
  const lines = [t.scoresHeader(p.code, shortTitle(p.title, 50), stageLabel)];
  const criterion = (key: string) => template.criteria.find((c) => c.key === key);
  const meanOf = new Map(r.criteria.map((c) => [c.key, c.mean]));
  if (!r.totalsOnly)
    for (const c of template.criteria) {
      const mean = meanOf.get(c.key);
      lines.push(
        mean === null || mean === undefined
          ? t.criterionUnscored(c.name[locale], c.weight)
          : t.criterionLine(c.name[locale], c.weight, num(mean)),
      );
    }
  if (r.total !== null) {
    const shown = displayTotal(template, r.total);
    lines.push(
      shown.kind === "index"
        ? t.indexTotal(
            formatIndex(locale, shown.value, shown.decimals),
            shown.max,
            shown.band?.[locale],
            shown.provisional,
          )
        : t.total(formatScore(locale, r.total)),
    );
  }
  const cut = stageCut(template, r.stage);
  if (!r.totalsOnly) {
    const band = p.stage ? announcedRank(template, r, p.stage) : undefined;
    const group =
      template.groups.length > 1 ? template.groups.find((g) => g.key === p.group)?.name[locale] : undefined;
    if (band) lines.push(t.rankTop(band.topN) + (group ? t.inGroup(group) : ""));
  }
  if (cut.minScore !== undefined && r.total !== null)
    lines.push(t.minScore(cut.minScore, r.total + 1e-9 >= cut.minScore));
  if (!r.totalsOnly) {
    // Only what the draft still misses, weakest-and-heaviest first: a tip already followed drops out.
    const released = { stage: r.stage, criteria: r.criteria };
    const focus = renderFocus(scoreFocus(template, released, texts), released, template, locale, { max: 5 });
    if (focus.length) lines.push("", ...focus);
  }
  if (r.withComments && r.comments.length) {
    lines.push("", t.commentsHeader);
    for (const c of r.comments.slice(0, MAX_COMMENTS))
      lines.push(t.commentLine(criterion(c.criterion)?.name[locale] ?? c.criterion, c.text));
  }
  return lines.join("\n");
}
