import { inBoth } from "../i18n/catalog.ts";
import { type CheckTexts, checkTexts } from "../i18n/checkTexts.ts";
import type { Localized } from "../templates/baseSchemas.ts";
import type { DetectorSpec, Section } from "../templates/sectionSchema.ts";
import { countWords } from "./countWords.ts";
import type { DetectorResult } from "./detectorResult.ts";
import { runDetector } from "./detectors.ts";
import { detectThrowaway, type ThrowawayReason } from "./detectThrowaway.ts";
import { findVagueClaims, withoutVagueClaims } from "./detectVagueClaims.ts";
import type { SectionWarning } from "./sectionWarning.ts";
import { sectionWarnings } from "./sectionWarnings.ts";
import { throwawayTips } from "./throwawayTips.ts";

export type { ThrowawayReason } from "./detectThrowaway.ts";
export type { SectionWarning, WarningKind } from "./sectionWarning.ts";

/** empty: no text; complete: every element present, official limits kept, no throwaway, in Indonesian. */
export type Mark = "complete" | "incomplete" | "empty";

/** One required element of the section, found or not, with the coach's tip for it. */
export interface ElementFinding {
  key: string;
  present: boolean;
  label: Localized;
  tip: Localized;
  /** The snippet that shows the element ("61% menjadi 93%"). */
  evidence?: string;
  /** Why a mention did not count (a plan, a study visit…), quoted, with what would count. */
  note?: Localized;
}

/** The rule check of one section's draft against its template section. */
export interface SectionCheck {
  sectionKey: string;
  words: number;
  /** Guidance range ("panduan"): shown, never a reason for "belum lengkap". */
  minWords: number;
  maxWords?: number;
  /** Against the guidance range. */
  wordStatus: "empty" | "short" | "ok" | "long";
  /** Limits the competition sets; breaking one makes the section incomplete. */
  official?: { min?: number; max?: number };
  elements: ElementFinding[];
  /** Set when the text reads as a throwaway answer ("jawaban asal"). */
  throwaway?: { reason: ThrowawayReason; otherSection?: string; tip: Localized };
  /** Notes on length, padding, language, style and (from checkProposal) consistency. */
  warnings: SectionWarning[];
  mark: Mark;
  /** 0..1 share of this section's checks satisfied: each element is one, each official limit and the language one more; a throwaway answer scores 0. */
  fulfilment: number;
}

/** How the sections of a proposal relate: the template's order decides which copy is the original. */
export interface SectionContext {
  otherSections?: Record<string, string>;
  order?: readonly string[];
}

/**
 * Checks one section's text: each required element of the template (stated as done, not
 * planned), official word limits, throwaway answers, language and style. `otherSections`
 * (key → text) lets it notice text pasted from another section; with `order`, only from an
 * earlier one.
 */
export function checkSection(
  section: Section,
  text: string,
  otherSections: Record<string, string> = {},
  order?: readonly string[],
): SectionCheck {
  const words = countWords(text);
  const claims = findVagueClaims(text);
  const evidenceText = withoutVagueClaims(text, claims);
  const detected = section.elements.map((el) =>
    words === 0 ? ({ present: false } as DetectorResult) : runDetector(el.detector, evidenceText),
  );
  // "-" or "…": typed, but no word in it
  let found =
    words === 0 && text.trim()
      ? { reason: "too_short" as const }
      : detectThrowaway(section, text, otherSections, order);
  // a short answer that states a fact ("Perbup Nomor 5 Tahun 2022 menetapkan SOP-nya") is concise, not throwaway
  if (found?.reason === "too_short" && detected.some((r) => r.present)) found = undefined;
  const throwaway = found && {
    reason: found.reason,
    ...(found.otherSection !== undefined && { otherSection: found.otherSection }),
    tip: throwawayTips[found.reason],
  };
  const elements: ElementFinding[] = section.elements.map((el, i) => {
    const r: DetectorResult = throwaway ? { present: false } : detected[i]!;
    const finding: ElementFinding = { key: el.key, present: r.present, label: el.label, tip: el.tip };
    if (r.evidence !== undefined) finding.evidence = r.evidence;
    if (r.rejected) finding.note = noteFor(el.detector, r.rejected);
    return finding;
  });
  const official = section.officialWords;
  const officialBroken =
    words > 0 &&
    official !== undefined &&
    ((official.max !== undefined && words > official.max) ||
      (official.min !== undefined && words < official.min));
  const warnings = words === 0 || throwaway ? [] : sectionWarnings(section, text, words, claims);
  const foreign = warnings.some((w) => w.kind === "language");
  const officialChecks = official && (official.min !== undefined || official.max !== undefined) ? 1 : 0;
  const checks = elements.length + officialChecks + 1; // the last one: written in Indonesian
  const satisfied =
    elements.filter((e) => e.present).length +
    (officialChecks && !officialBroken ? 1 : 0) +
    (foreign ? 0 : 1);
  const fulfilment = throwaway || words === 0 ? 0 : satisfied / checks;
  const mark: Mark = throwaway
    ? "incomplete"
    : words === 0
      ? "empty"
      : fulfilment === 1
        ? "complete"
        : "incomplete";
  const check: SectionCheck = {
    sectionKey: section.key,
    words,
    minWords: section.minWords,
    wordStatus: statusOf(words, section.minWords, section.maxWords),
    elements,
    warnings,
    mark,
    fulfilment,
  };
  if (section.maxWords !== undefined) check.maxWords = section.maxWords;
  if (official) check.official = { ...official };
  if (throwaway) check.throwaway = throwaway;
  return check;
}

function statusOf(words: number, min: number, max: number | undefined): SectionCheck["wordStatus"] {
  if (words === 0) return "empty";
  if (words < min) return "short";
  if (max !== undefined && words > max) return "long";
  return "ok";
}

function noteFor(spec: DetectorSpec, r: NonNullable<DetectorResult["rejected"]>): Localized {
  const counts: keyof CheckTexts["counts"] =
    spec.kind === "evaluation"
      ? spec.external
        ? "evaluationExternal"
        : "evaluation"
      : spec.kind === "legalBasis" ||
          spec.kind === "budget" ||
          spec.kind === "replication" ||
          spec.kind === "replicationScale" ||
          spec.kind === "urgency" ||
          spec.kind === "beforeAfter"
        ? spec.kind
        : "default";
  const quote = r.quote.length <= 120 ? r.quote : `${r.quote.slice(0, r.quote.lastIndexOf(" ", 118))}…`;
  return inBoth(checkTexts, (t) => t.note[r.reason](quote, t.counts[counts]));
}
