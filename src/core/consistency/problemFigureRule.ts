import { inBoth } from "../i18n/catalog.ts";
import { checkTexts } from "../i18n/checkTexts.ts";
import type { Localized } from "../templates/baseSchemas.ts";
import { figuresOf, hasValue, numbersOf } from "./figures.ts";

/**
 * The problem's figure in Latar Belakang reappears as the "before" in Signifikansi: coaching
 * clinics teach that the judge must be able to put the two side by side. Returns the warning
 * for the impact section, or undefined when the rule holds or cannot apply.
 */
export function problemFigureRule(
  problemText: string,
  impactText: string,
  impactTitle: Localized,
): Localized | undefined {
  const problem = figuresOf(problemText);
  if (problem.length === 0 || !impactText.trim()) return undefined;
  const impact = numbersOf(impactText); // "naik dari 31 menjadi 144" repeats "31 desa"
  if (problem.some((f) => hasValue(impact, f.value))) return undefined;
  const figures = problem
    .slice(0, 2)
    .map((f) => f.text)
    .join(", ");
  return inBoth(checkTexts, (t, l) => t.problemFigure(figures, impactTitle[l]));
}
