import type { Localized, Section } from "../templates/templateSchema.ts";
import { countWords } from "./countWords.ts";
import { runDetector } from "./detectors.ts";
import { detectThrowaway, type ThrowawayReason } from "./detectThrowaway.ts";
import { throwawayTips } from "./throwawayTips.ts";

export type { ThrowawayReason } from "./detectThrowaway.ts";

/** empty: no text; complete: words ok, every element present, no throwaway; otherwise incomplete. */
export type Mark = "complete" | "incomplete" | "empty";

/** One required element of the section, found or not, with the coach's tip for it. */
export interface ElementFinding {
  key: string;
  present: boolean;
  label: Localized;
  tip: Localized;
  /** The snippet that shows the element ("61% menjadi 93%"). */
  evidence?: string;
}

/** The rule check of one section's draft against its template section. */
export interface SectionCheck {
  sectionKey: string;
  words: number;
  minWords: number;
  maxWords?: number;
  wordStatus: "empty" | "short" | "ok" | "long";
  elements: ElementFinding[];
  /** Set when the text reads as a throwaway answer ("jawaban asal"). */
  throwaway?: { reason: ThrowawayReason; otherSection?: string; tip: Localized };
  mark: Mark;
  /** 0..1 share of this section's checks satisfied: the word limits count as one check, each element as one; a throwaway answer scores 0. */
  fulfilment: number;
}

/**
 * Checks one section's text: word limits, each required element of the template, and throwaway
 * answers. `otherSections` (key → text) lets it notice text pasted from another section.
 */
export function checkSection(
  section: Section,
  text: string,
  otherSections: Record<string, string> = {},
): SectionCheck {
  const words = countWords(text);
  const wordStatus = statusOf(words, section.minWords, section.maxWords);
  const elements: ElementFinding[] = section.elements.map((el) => {
    const r = words === 0 ? { present: false } : runDetector(el.detector, text);
    const finding: ElementFinding = { key: el.key, present: r.present, label: el.label, tip: el.tip };
    if (r.evidence !== undefined) finding.evidence = r.evidence;
    return finding;
  });
  const found = detectThrowaway(section, text, otherSections);
  const throwaway = found && {
    reason: found.reason,
    ...(found.otherSection !== undefined && { otherSection: found.otherSection }),
    tip: throwawayTips[found.reason],
  };
  const satisfied = (wordStatus === "ok" ? 1 : 0) + elements.filter((e) => e.present).length;
  const fulfilment = throwaway || words === 0 ? 0 : satisfied / (1 + elements.length);
  const mark: Mark = words === 0 ? "empty" : fulfilment === 1 ? "complete" : "incomplete";
  const check: SectionCheck = {
    sectionKey: section.key,
    words,
    minWords: section.minWords,
    wordStatus,
    elements,
    mark,
    fulfilment,
  };
  if (section.maxWords !== undefined) check.maxWords = section.maxWords;
  if (throwaway) check.throwaway = throwaway;
  return check;
}

function statusOf(words: number, min: number, max: number | undefined): SectionCheck["wordStatus"] {
  if (words === 0) return "empty";
  if (words < min) return "short";
  if (max !== undefined && words > max) return "long";
  return "ok";
}
