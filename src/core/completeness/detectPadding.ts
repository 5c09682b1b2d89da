import { countWords } from "./countWords.ts";
import { findQuantities, findYears } from "./quantities.ts";

/** Below this many words an answer is short enough that a missing fact is not padding. */
const MIN_WORDS = 100;
/** Facts per hundred words under which a long answer reads as padding. */
const MIN_DENSITY = 1.5;

/**
 * Padding: many words, few facts. Facts are figures with a unit, years and dates, and names
 * (capitalised words inside a sentence: places, units, regulations, acronyms). An answer of a
 * hundred words or more with fewer than 1.5 of them per hundred words says little a judge can
 * check.
 */
export function isPadded(text: string): boolean {
  const words = countWords(text);
  if (words < MIN_WORDS) return false;
  const facts = findQuantities(text).length + findYears(text).length + names(text);
  return (facts * 100) / words < MIN_DENSITY;
}

/** Distinct capitalised words that do not open a sentence or a list item. */
function names(text: string): number {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},)]\s+)\p{Lu}[\p{L}\p{N}-]+/gu)) out.add(m[0]);
  return out.size;
}
