import { absent, type DetectorResult, found } from "./detectorResult.ts";
import { findQuantities } from "./quantities.ts";
import { plannedSentence } from "./statedAsDone.ts";

/**
 * At least `min` quantities with a unit (see findQuantities: a year alone is not one), plus the
 * bare numbers of a stated change ("Kasus DBD turun dari 612 menjadi 188"). Figures in a planned
 * sentence ("ditargetkan … 90%") are targets, not data.
 */
export function detectNumbers(text: string, min = 1): DetectorResult {
  const qs = [...findQuantities(text), ...changeNumbers(text)]
    .sort((a, b) => a.start - b.start)
    .filter((q, i, all) => !all.slice(0, i).some((o) => q.start < o.end && q.end > o.start))
    .filter((q) => !plannedSentence(text, q.start));
  return qs.length >= min
    ? found(
        qs
          .slice(0, Math.max(min, 3))
          .map((q) => q.text)
          .join(", "),
      )
    : absent;
}

/** A before/after comparison stated as reached: a target ("ditargetkan turun dari 5 hari menjadi 1 hari") is a plan. */
const CHANGE_NUMBERS =
  /(?<!\p{L})(?:dari|dr|from)\s+(\d[\d.,]*)\s+(?:menjadi|jadi|jd|ke|to)\s+(\d[\d.,]*)/giu;

/** "dari 612 menjadi 188", "from 250 to 400": two figures even without a unit. */
function changeNumbers(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(CHANGE_NUMBERS)) {
    const [, a = "", b = ""] = m;
    if (/^(?:19|20)\d\d$/u.test(a) && /^(?:19|20)\d\d$/u.test(b)) continue;
    const i = m.index + m[0].indexOf(a, m[0].indexOf(" "));
    const j = m.index + m[0].lastIndexOf(b);
    out.push({ start: i, end: i + a.length, text: a }, { start: j, end: j + b.length, text: b });
  }
  return out;
}
