import { absent, clauseStart, type DetectorResult, found, rejected, sentenceFrom } from "./detectorResult.ts";
import { matchKeywords } from "./matchKeywords.ts";
import { notDoneAt } from "./statedAsDone.ts";

/**
 * At least `minMatches` distinct template keywords (see matchKeywords). With `statedAsDone`, a
 * keyword mentioned as a plan or denied ("SOP sedang disusun", "belum ada SOP") does not count.
 */
export function detectKeywords(
  text: string,
  any: readonly string[],
  minMatches = 1,
  statedAsDone = false,
): DetectorResult {
  // "maklumat" inside "maklumat pelayanan" is one finding, not two
  const all = matchKeywords(text, any).sort((a, b) => a.start - b.start || b.end - a.end);
  const notDone = statedAsDone ? all.find((h) => notDoneAt(text, h.start, h.end)) : undefined;
  const hits = statedAsDone ? all.filter((h) => !notDoneAt(text, h.start, h.end)) : all;
  const distinct = hits.filter((h, i) => !hits.slice(0, i).some((o) => h.start < o.end && h.end > o.start));
  if (distinct.length >= minMatches) return found(distinct.map((h) => h.snippet).join(", "));
  return notDone
    ? rejected(
        notDoneAt(text, notDone.start, notDone.end)!,
        sentenceFrom(text, clauseStart(text, notDone.start), 80),
      )
    : absent;
}
