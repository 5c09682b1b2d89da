import { francAll } from "franc";

/** Indonesian and the languages franc confuses it with (Malay, Minangkabau, Javanese…). */
const INDONESIAN_LIKE = new Set(["ind", "zlm", "msa", "min", "jav", "sun", "bjn", "ace", "ban", "bug", "mad", "bew", "mly"]);
const NAMES: Record<string, { id: string; en: string }> = {
  eng: { id: "bahasa Inggris", en: "English" },
  nld: { id: "bahasa Belanda", en: "Dutch" },
  arb: { id: "bahasa Arab", en: "Arabic" },
  cmn: { id: "bahasa Mandarin", en: "Chinese" },
  tgl: { id: "bahasa Tagalog", en: "Tagalog" },
};
/** Below this many letters franc guesses; a short answer is left alone. */
const MIN_LETTERS = 80;

/**
 * The language a section is written in, when it is clearly not Indonesian: franc's trigram
 * model over the letters, with Indonesian-like languages (Malay, regional languages) accepted
 * and a margin so that a text mixing English terms into Indonesian is not flagged.
 */
export function detectForeignLanguage(text: string): { code: string; name: { id: string; en: string } } | undefined {
  const letters = text.replace(/https?:\/\/\S+/gu, " ").replace(/[^\p{L}\s]/gu, " ");
  if (letters.replace(/\s+/gu, "").length < MIN_LETTERS) return undefined;
  const ranked = francAll(letters, { minLength: MIN_LETTERS });
  const [top] = ranked;
  if (!top || top[0] === "und" || INDONESIAN_LIKE.has(top[0])) return undefined;
  const indonesian = ranked.find(([code]) => INDONESIAN_LIKE.has(code));
  if (indonesian && indonesian[1] > 0.9) return undefined; // too close to call
  return { code: top[0], name: NAMES[top[0]] ?? { id: `bahasa lain (${top[0]})`, en: `another language (${top[0]})` } };
}
