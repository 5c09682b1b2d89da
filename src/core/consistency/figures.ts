import { findQuantities } from "../completeness/quantities.ts";

/** A figure as written ("1.250 jiwa") and its bare value for comparison ("1250"). */
export interface Figure {
  text: string;
  value: string;
}

/** The quantities of a text with their numeric value normalised (1.250 → 1250, 2,5 → 2.5). */
export function figuresOf(text: string): Figure[] {
  return findQuantities(text)
    .map((q) => ({ text: q.text, value: numericValue(q.text) }))
    .filter((f) => f.value !== "");
}

/** Whether a figure's value appears among another text's figures. */
export function hasValue(figures: Figure[], value: string): boolean {
  return figures.some((f) => f.value === value);
}

function numericValue(text: string): string {
  const m = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?/u.exec(text);
  if (!m) return "";
  const raw = m[0];
  const normal = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u.test(raw)
    ? raw.replace(/\./gu, "").replace(",", ".")
    : raw.replace(",", ".");
  return String(Number(normal));
}

/** Every number written in a text, normalised, units or not ("naik dari 31 menjadi 144"). */
export function numbersOf(text: string): Figure[] {
  return [
    ...text.matchAll(/(?<![\p{L}\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?|(?<![\p{L}\d.,])\d+(?:[.,]\d+)?/gu),
  ].map((m) => ({
    text: m[0],
    value: numericValue(m[0]),
  }));
}
