import { absent, clauseStart, type DetectorResult, found, rejected, sentenceFrom } from "./detectorResult.ts";
import { findBeforeAfter } from "./findBeforeAfter.ts";
import { notDoneAt } from "./statedAsDone.ts";

/** A before/after comparison (see findBeforeAfter); one stated as a plan or denied is quoted back. */
export function detectBeforeAfter(text: string): DetectorResult {
  const span = findBeforeAfter(text);
  if (!span) return absent;
  const why = notDoneAt(text, span.start, span.end);
  return why ? rejected(why, sentenceFrom(text, clauseStart(text, span.start), 100)) : found(span.text);
}
