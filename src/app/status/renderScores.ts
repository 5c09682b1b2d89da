import type { Locale } from "../../core/i18n/locale.ts";
import { formatScore, statusTexts } from "../../core/i18n/statusTexts.ts";
import { isWeak } from "../../core/scoring/aggregateScores.ts";
import { displayTotal, formatIndex } from "../../core/scoring/scoreDisplay.ts";
import { rankBand, stageCut } from "../../core/scoring/stageCut.ts";
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

const TIPS_PER_CRITERION = 3;
const MAX_COMMENTS = 12;

/**
 * Released scores of one proposal at one stage: per criterion the weight and mean, the total, the
 * rank band, the stage's minimum; and for each weak criterion (below 60% of the scale) the
 * coaching tips of the sections that evidence it, so the score feeds back into coaching. A
 * totals-only release shows the total alone; comments only when released with comments.
 */
export function renderScores(
  p: { code: string; title: string; group: string },
  r: ReleasedResult,
  template: Template,
  locale: Locale,
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
    const band = rankBand(r.rank, cut);
    const group =
      template.groups.length > 1 ? template.groups.find((g) => g.key === p.group)?.name[locale] : undefined;
    if (band)
      lines.push(
        (band.kind === "top" ? t.rankTop(band.n) : t.rankBand(band.n)) + (group ? t.inGroup(group) : ""),
      );
  }
  if (cut.minScore !== undefined && r.total !== null)
    lines.push(t.minScore(cut.minScore, r.total + 1e-9 >= cut.minScore));
  if (!r.totalsOnly) {
    const weak = template.criteria.filter((c) => {
      const m = meanOf.get(c.key);
      return m !== null && m !== undefined && isWeak(m, template.scoreScale);
    });
    if (weak.length) lines.push("", t.weakHeader);
    for (const c of weak) {
      const sections = c.sections
        .map((k) => template.sections.find((s) => s.key === k))
        .filter((s) => s !== undefined);
      lines.push(
        t.weakLine(c.name[locale], num(meanOf.get(c.key)!), sections.map((s) => s.title[locale]).join(", ")),
      );
      const tips = [...new Set(sections.flatMap((s) => s.elements.map((e) => e.tip[locale])))].slice(
        0,
        TIPS_PER_CRITERION,
      );
      for (const tip of tips) lines.push(t.tip(tip));
    }
  }
  if (r.withComments && r.comments.length) {
    lines.push("", t.commentsHeader);
    for (const c of r.comments.slice(0, MAX_COMMENTS))
      lines.push(t.commentLine(criterion(c.criterion)?.name[locale] ?? c.criterion, c.text));
  }
  return lines.join("\n");
}
