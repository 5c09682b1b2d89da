import { inBoth } from "../i18n/catalog.ts";
import { checkTexts } from "../i18n/checkTexts.ts";
import type { Localized } from "../templates/baseSchemas.ts";
import { figuresOf, hasValue } from "./figures.ts";

/** Every figure in Ringkasan appears in the body: a summary claims nothing the body does not show. */
export function summaryFiguresRule(summaryText: string, bodyTexts: string[]): Localized | undefined {
  const summary = figuresOf(summaryText);
  if (summary.length === 0 || bodyTexts.every((t) => !t.trim())) return undefined;
  const body = bodyTexts.flatMap((t) => figuresOf(t));
  const missing = summary.filter((f) => !hasValue(body, f.value));
  if (missing.length === 0) return undefined;
  const figures = [...new Set(missing.map((f) => f.text))].slice(0, 3).join(", ");
  return inBoth(checkTexts, (t) => t.summaryFigure(figures));
}
