import { checkSection } from "../completeness/checkSection.ts";
import type { Localized } from "../templates/baseSchemas.ts";
import type { Template } from "../templates/templateSchema.ts";
import { isWeak } from "./aggregateScores.ts";

/** The judges' released means of the latest released round, as coaching reads them. */
export interface ReleasedScores {
  stage: string;
  criteria: { key: string; mean: number | null }[];
}

/** One weak criterion and what the draft still misses for it. */
export interface FocusItem {
  criterionKey: string;
  name: Localized;
  mean: number;
  weight: number;
  /** weight × gap to the top of the scale: which weak criterion is worth the most work. */
  priority: number;
  /** Sections that evidence the criterion. */
  sectionKeys: string[];
  /** Required elements the current draft of those sections still lacks. */
  missing: { sectionKey: string; label: Localized; tip: Localized }[];
}

/**
 * After a release, the criteria judged weak (below 60% of the scale), most valuable first
 * (weight × gap), each with only the findings the draft still misses: what "Signifikansi dinilai
 * 46/100: data sebelum–sesudah belum ada" says. A finding the writer has fixed since drops out.
 */
export function scoreFocus(
  template: Template,
  released: ReleasedScores | undefined,
  texts: Record<string, string>,
): FocusItem[] {
  if (!released) return [];
  const scale = template.scoreScale;
  const span = scale.max - scale.min;
  const items: FocusItem[] = [];
  for (const c of template.criteria) {
    const mean = released.criteria.find((x) => x.key === c.key)?.mean;
    if (mean === null || mean === undefined || !isWeak(mean, scale)) continue;
    const missing = c.sections.flatMap((key) => {
      const section = template.sections.find((s) => s.key === key);
      if (!section) return [];
      return checkSection(section, texts[key] ?? "")
        .elements.filter((e) => !e.present)
        .map((e) => ({ sectionKey: key, label: e.label, tip: e.tip }));
    });
    items.push({
      criterionKey: c.key,
      name: c.name,
      mean,
      weight: c.weight,
      priority: c.weight * ((scale.max - mean) / span),
      sectionKeys: c.sections,
      missing,
    });
  }
  return items.sort((a, b) => b.priority - a.priority);
}
