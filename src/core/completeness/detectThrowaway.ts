import type { Section } from "../templates/templateSchema.ts";
import { wordTokens } from "./countWords.ts";

/** Why a text reads as a "jawaban asal", a cause of rejection at administrative verification. */
export type ThrowawayReason =
  | "too_short"
  | "repeated_chars"
  | "question_copied"
  | "lorem_ipsum"
  | "duplicate_of_section"
  | "nothing_yet";

export interface Throwaway {
  reason: ThrowawayReason;
  /** For duplicate_of_section: the key of the section this text was copied from (or into). */
  otherSection?: string;
}

/**
 * Recognises throwaway answers: placeholder text, keyboard mash or repeated words, the guiding
 * question pasted back, another section's text pasted again, "Belum ada." or too few words to
 * say anything. Returns undefined for an empty text (that is "empty", not throwaway) and for
 * real answers. When `order` (the template's section keys) is given, only a section that comes
 * earlier counts as the original of a copy: the first of several sections holding one pasted
 * text is not the copy.
 */
export function detectThrowaway(
  section: Section,
  text: string,
  otherSections: Record<string, string> = {},
  order?: readonly string[],
): Throwaway | undefined {
  const tokens = wordTokens(text);
  if (tokens.length === 0) return undefined;
  if (NOTHING_YET.test(text.trim())) return { reason: "nothing_yet" };
  if (LOREM.test(text)) return { reason: "lorem_ipsum" };
  if (isRepetitive(tokens)) return { reason: "repeated_chars" };
  if (copiesQuestion(section, tokens)) return { reason: "question_copied" };
  const dup = duplicateOf(section.key, tokens, earlier(section.key, otherSections, order));
  if (dup) return { reason: "duplicate_of_section", otherSection: dup };
  if (tokens.length < tooShortBelow(section.minWords)) return { reason: "too_short" };
  return undefined;
}

/** Below this many words a section cannot hold an answer (a fifth of its minimum, 3 to 15 words). */
export function tooShortBelow(minWords: number): number {
  return Math.max(3, Math.min(15, Math.ceil(minWords * 0.2)));
}

/** "Belum ada.", "Tidak ada", "-", "nihil": an answer that says there is nothing to say. */
const NOTHING_YET =
  /^(?:[-–—.?!\s]*|(?:belum|tidak|tak|blm|tdk|gak|ga|nggak|none|nothing|n\/?a|nihil|kosong|-)(?:\s+(?:ada|punya|tersedia|dilakukan|ada\s+data|diisi|tahu|yet|applicable))?(?:\s+(?:data|datanya|informasi))?\s*[.!-]*)$/iu;

/** The other sections that may be the original of a copy found in `key`. */
function earlier(
  key: string,
  others: Record<string, string>,
  order: readonly string[] | undefined,
): Record<string, string> {
  if (!order) return others;
  const mine = order.indexOf(key);
  return Object.fromEntries(Object.entries(others).filter(([k]) => order.indexOf(k) < mine && order.includes(k)));
}

const LOREM = /lorem\s+ipsum|dolor\s+sit\s+amet|consectetur\s+adipiscing/iu;
const LETTER_RUN = /(\p{L})\1{3,}/u; // no Indonesian or English word has 4 equal letters in a row
const SHINGLE = 3;
const DUPLICATE_SHARE = 0.6;

function isRepetitive(tokens: string[]): boolean {
  const mash = tokens.filter((t) => LETTER_RUN.test(t) && !t.includes("www.") && !t.includes("://")).length;
  if (mash / tokens.length >= 0.3) return true;
  // "test test test", "coba isi coba isi coba isi": the text repeats itself with a short period
  const n = tokens.length;
  if (n < 3) return false;
  for (let p = 1; p <= 6 && n - p >= 2; p++) {
    let same = 0;
    for (let i = p; i < n; i++) if (tokens[i] === tokens[i - p]) same++;
    if (same / (n - p) >= 0.6) return true;
  }
  return false;
}

/** Nearly every word comes from the section's own questions, title or purpose, and no more of them. */
function copiesQuestion(section: Section, tokens: string[]): boolean {
  if (tokens.length < 3) return false;
  const prompts = [section.title, section.purpose, ...section.questions];
  const vocab = new Set(prompts.flatMap((q) => [...wordTokens(q.id), ...wordTokens(q.en)]));
  const questionWords = section.questions.reduce((s, q) => s + wordTokens(q.id).length, 0);
  const inVocab = tokens.filter((t) => vocab.has(t)).length;
  return inVocab / tokens.length >= 0.8 && tokens.length <= questionWords * 1.2 + 5;
}

/**
 * The other section that contains most of this text, compared as sets of three-word shingles.
 * Only the copied (shorter) text is flagged when a longer section quotes it and adds more.
 */
function duplicateOf(key: string, tokens: string[], others: Record<string, string>): string | undefined {
  const mine = shingles(tokens);
  if (mine.size < 6) return undefined;
  let best: { key: string; share: number } | undefined;
  for (const [otherKey, otherText] of Object.entries(others)) {
    if (otherKey === key || !otherText) continue;
    const theirs = shingles(wordTokens(otherText));
    let shared = 0;
    for (const s of mine) if (theirs.has(s)) shared++;
    const share = shared / mine.size;
    if (share >= DUPLICATE_SHARE && (!best || share > best.share)) best = { key: otherKey, share };
  }
  return best?.key;
}

function shingles(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) out.add(tokens.slice(i, i + SHINGLE).join(" "));
  return out;
}
