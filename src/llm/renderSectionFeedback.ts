import { feedbackTexts } from "../core/i18n/feedbackTexts.ts";
import type { Locale } from "../core/i18n/locale.ts";
import type { Template } from "../core/templates/templateSchema.ts";
import type { AdviceRating, SectionFeedback } from "./schemas.ts";

const MARK: Record<AdviceRating, string> = { 1: "⬜", 2: "⚠️", 3: "✅" };
const WORD = { 1: "rating1", 2: "rating2", 3: "rating3" } as const;

/**
 * LLM section feedback as chat lines (the app joins them into one message). Pure. Criterion keys
 * are shown by their template names; the pseudo-criterion of a section without criteria by the
 * section title.
 */
export function renderSectionFeedback(
  feedback: SectionFeedback,
  ctx: { locale: Locale; template: Template; sectionKey: string },
): string[] {
  const { locale, template, sectionKey } = ctx;
  const name = (key: string) =>
    template.criteria.find((c) => c.key === key)?.name[locale] ??
    (key === sectionKey ? template.sections.find((s) => s.key === sectionKey)?.title[locale] : undefined) ??
    key;
  const lines = [feedbackTexts(locale).heading, feedback.summary];
  for (const c of feedback.criteria) {
    lines.push(`${MARK[c.rating]} ${name(c.criterionKey)}: ${feedbackTexts(locale)[WORD[c.rating]]}`);
    lines.push(`   ${feedbackTexts(locale).gap}: ${c.gap}`);
    lines.push(`   ${feedbackTexts(locale).nextStep}: ${c.nextStep}`);
  }
  if (feedback.example) lines.push(`${feedbackTexts(locale).example}: "${feedback.example}"`);
  lines.push(feedbackTexts(locale).adviceOnly);
  return lines;
}
