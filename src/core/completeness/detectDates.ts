import { absent, type DetectorResult, found } from "./detectorResult.ts";
import { findQuantities, findYears } from "./quantities.ts";
import { plannedSentence } from "./statedAsDone.ts";

const MONTH =
  "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|agu|sep|sept|okt|nov|des|january|february|march|may|june|july|august|october|december";
const FULL_DATE = new RegExp(String.raw`(?<!\p{L})\d{1,2}\s+(?:${MONTH})\.?\s+(?:19|20)\d{2}(?!\d)`, "iu");
const MONTH_YEAR = new RegExp(String.raw`(?<!\p{L})(?:${MONTH})\.?\s+(?:19|20)\d{2}(?!\d)`, "iu");
const NUMERIC_DATE =
  /(?<![\d/])(?:\d{1,2}[/-]\d{1,2}[/-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?![\d/])/u;

/** A date or a year (full date first as evidence); years inside regulation citations do not count. */
export function detectDates(text: string): DetectorResult {
  // a planned start ("akan dimulai tahun 2026") dates nothing that happened
  for (const re of [FULL_DATE, MONTH_YEAR, NUMERIC_DATE]) {
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`)))
      if (!plannedSentence(text, m.index)) return found(m[0]);
  }
  const qs = findQuantities(text);
  const year = findYears(text).find(
    (y) => !qs.some((q) => q.start <= y.start && q.end > y.start) && !plannedSentence(text, y.start),
  );
  return year ? found(year.text) : absent;
}
