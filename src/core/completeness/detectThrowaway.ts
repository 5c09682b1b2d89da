import type { Section } from "../templates/sectionSchema.ts";
import { wordTokens } from "./countWords.ts";
import { memoByText } from "./memo.ts";

/** Why a text reads as a "jawaban asal", a cause of rejection at administrative verification. */
export type ThrowawayReason =
  | "too_short"
  | "repeated_chars"
  | "question_copied"
  | "lorem_ipsum"
  | "duplicate_of_section"
  | "nothing_yet"
  | "off_topic";

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
  if (OFF_TOPIC.some((re) => re.test(text))) return { reason: "off_topic" };
  // length is guidance: only an answer with nothing in it is too short ("ok", "Sudah berjalan dengan baik."),
  // and one made of the section's own title words ("Ringkasan", "dampaknya bagus") copies the question
  if (tokens.length <= MAX_VACUOUS) {
    const vocab = promptVocabulary(section);
    const inPrompt = (t: string) => {
      const w = t.replace(/(?:nya|lah)$/u, "");
      return w.length >= 4 && [...vocab].some((v) => v === w || (w.length >= 5 && v.startsWith(w)));
    };
    if (tokens.every((t) => VACUOUS.has(t))) return { reason: "too_short" };
    if (tokens.every((t) => VACUOUS.has(t) || inPrompt(t))) return { reason: "question_copied" };
  }
  return undefined;
}

const MAX_VACUOUS = 6;
/** Words that say nothing on their own; an answer made only of them is not an answer. */
const VACUOUS = new Set(
  `ok oke okay okeh sip ya iya ada sudah sdh udah belum blm tidak tdk dan berjalan jalan baik lancar sukses bagus
  cukup sangat sesuai terlaksana dilaksanakan telah dengan dgn yang sedang proses menyusul nanti lengkap beres
  aman done yes no`.split(/\s+/u),
);

/**
 * Text that answers nothing about the innovation: a prayer of thanks, contact details or a
 * promotion, a note to the reader instead of the answer.
 */
const OFF_TOPIC: RegExp[] = [
  /(?<!\p{L})(?:puji\s+syukur|alhamdulillah|atas\s+(?:limpahan\s+)?rahmat|assalamu'?alaikum|wassalam)(?!\p{L})/iu,
  /(?<!\p{L})(?:hubungi|kontak|contact)(?:\s+\p{L}+){0,3}\s+(?:di\s+)?(?:nomor|no\.?|hp|wa|telp)|(?<!\p{L})(?:like|subscribe|follow)\s+(?:dan|&)\s+(?:like|subscribe|follow)/iu,
  /(?<!\p{L})(?:belum\s+sempat\s+(?:mengisi|menulis|melengkapi)|akan\s+(?:saya|kami)\s+(?:lengkapi|isi|tulis)|(?:isi|jawaban)(?:nya)?\s+menyusul)(?!\p{L})/iu,
];

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
  return Object.fromEntries(
    Object.entries(others).filter(([k]) => order.indexOf(k) < mine && order.includes(k)),
  );
}

const LOREM = /lorem\s+ipsum|dolor\s+sit\s+amet|consectetur\s+adipiscing/iu;
const LETTER_RUN = /(\p{L})\1{3,}/u; // no Indonesian or English word has 4 equal letters in a row
const SHINGLE = 3;
const DUPLICATE_SHARE = 0.6;

/** Keyboard mash: "asdfghjkl", "sdfsdfsdf", "wkwkwk", "okeee", "qwrtp". */
function isMash(t: string): boolean {
  if (t.includes("www.") || t.includes("://") || /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/u.test(t)) return false;
  if (LETTER_RUN.test(t) || /(\p{L})\1{2,}$/u.test(t) || /(\p{L}{2,3})\1{2,}/u.test(t)) return true;
  if (t.length >= 4 && KEYBOARD_ROWS.some((row) => row.includes(t))) return true;
  return t.length >= 5 && /^\p{L}+$/u.test(t) && !/[aiueo]/u.test(t);
}
const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

function isRepetitive(tokens: string[]): boolean {
  const mash = tokens.filter(isMash).length;
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

function promptVocabulary(section: Section): Set<string> {
  const prompts = [section.title, section.purpose, ...section.questions];
  return new Set(prompts.flatMap((q) => [...wordTokens(q.id), ...wordTokens(q.en)]));
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
    const theirs = shinglesOf(otherText);
    let shared = 0;
    for (const s of mine) if (theirs.has(s)) shared++;
    const share = shared / mine.size;
    if (share >= DUPLICATE_SHARE && (!best || share > best.share)) best = { key: otherKey, share };
  }
  return best?.key;
}

const shinglesOf = memoByText((text: string) => shingles(wordTokens(text)), 32);

function shingles(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) out.add(tokens.slice(i, i + SHINGLE).join(" "));
  return out;
}
