import { absent, type DetectorResult, found } from "./detectorResult.ts";
import { findYears } from "./quantities.ts";
import { plannedSentence } from "./statedAsDone.ts";

const MONTH =
  "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|sep|sept|okt|nov|des|january|february|march|may|june|july|august|october|december";
const POINT = new RegExp(
  String.raw`(?<!\p{L})(?:\d{1,2}\s+)?(?:${MONTH})\.?(?:\s*[-–]\s*(?:${MONTH})\.?)?\s+(?:19|20)\d{2}(?!\d)|(?<![\d/])\d{1,2}[/-]\d{1,2}[/-](?:19|20)?\d{2}(?![\d/])|(?<!\p{L})(?:triwulan|semester|kuartal|Q)\s*(?:I{1,3}|IV|[1-4])\s+(?:19|20)\d{2}`,
  "giu",
);
/** "2021–2023", "2021 s.d. 2023": one span, one time point. */
const SPAN =
  /(?<!\d)((?:19|20)\d{2})\s*(?:[-–]|s\.?d\.?|sampai(?:\s+dengan)?|hingga)\s*((?:19|20)\d{2})(?!\d)/giu;

/**
 * When the stages happened: at least two distinct time points (dates, months, years), in
 * sentences that state them as done. One span ("Waktu: 2021–2023") or only the start year
 * ("sejak 2021") does not date the stages; planned dates ("rencananya Januari 2026") are plans.
 */
export function detectSchedule(text: string): DetectorResult {
  const points = new Map<string, string>();
  const taken: [number, number][] = [];
  for (const m of text.matchAll(SPAN)) taken.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(POINT)) {
    if (plannedSentence(text, m.index)) continue;
    taken.push([m.index, m.index + m[0].length]);
    points.set(m[0].toLowerCase().replace(/\s+/gu, " "), m[0]);
  }
  for (const y of findYears(text)) {
    if (taken.some(([s, e]) => y.start >= s && y.start < e) || plannedSentence(text, y.start)) continue;
    points.set(y.text, y.text);
  }
  return points.size >= 2 ? found([...points.values()].slice(0, 3).join(", ")) : absent;
}
