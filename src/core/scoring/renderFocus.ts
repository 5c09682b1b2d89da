import { focusTexts } from "../i18n/focusTexts.ts";
import type { Locale } from "../i18n/locale.ts";
import { formatScore } from "../i18n/statusTexts.ts";
import type { Template } from "../templates/templateSchema.ts";
import type { FocusItem, ReleasedScores } from "./scoreFocus.ts";

/**
 * The weak criteria as coaching lines: "⚠️ Signifikansi dinilai 46/100: data sebelum dan sesudah
 * belum ada", then the tip of the first thing missing. Empty when nothing is weak.
 */
export function renderFocus(
  items: readonly FocusItem[],
  released: ReleasedScores,
  template: Template,
  locale: Locale,
  opts: { max?: number; sectionKey?: string } = {},
): string[] {
  const shown = items
    .filter((i) => !opts.sectionKey || i.sectionKeys.includes(opts.sectionKey))
    .slice(0, opts.max ?? 3);
  if (shown.length === 0) return [];
  const t = focusTexts(locale);
  const stage = template.stages.find((s) => s.key === released.stage)?.label[locale] ?? released.stage;
  const lines = [t.header(stage)];
  for (const i of shown) {
    const missing = i.missing.filter((m) => !opts.sectionKey || m.sectionKey === opts.sectionKey);
    lines.push(
      t.line(
        i.name[locale],
        formatScore(locale, i.mean),
        formatScore(locale, template.scoreScale.max),
        missing.map((m) => lowerFirst(m.label[locale])),
      ),
    );
    if (missing[0]) lines.push(t.tip(missing[0].tip[locale]));
  }
  return lines;
}

/** "Data sebelum dan sesudah" → "data sebelum dan sesudah"; "SK Bupati" stays. */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
