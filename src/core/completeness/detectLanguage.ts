import { francAll } from "franc";

/** Indonesian, and Malay, which franc often gives for Indonesian text. */
const INDONESIAN = new Set(["ind", "zlm"]);
/** Regional languages, close to Indonesian in franc's model: flagged only when clearly ahead. */
const REGIONAL = ["min", "jav", "sun", "bjn", "ace", "ban", "bug", "mad"];
const NAMES: Record<string, { id: string; en: string }> = {
  eng: { id: "bahasa Inggris", en: "English" },
  nld: { id: "bahasa Belanda", en: "Dutch" },
  arb: { id: "bahasa Arab", en: "Arabic" },
  cmn: { id: "bahasa Mandarin", en: "Chinese" },
  jav: { id: "bahasa Jawa", en: "Javanese" },
  sun: { id: "bahasa Sunda", en: "Sundanese" },
  min: { id: "bahasa Minangkabau", en: "Minangkabau" },
  tgl: { id: "bahasa Tagalog", en: "Tagalog" },
};
/** Below this many letters franc guesses; a short answer is left alone. */
const MIN_LETTERS = 40;
/** A regional language shares much with Indonesian: it is named only on a longer text. */
const MIN_LETTERS_REGIONAL = 150;
/** Enough text to tell the language; franc's cost grows with the length. */
const SAMPLE = 800;
/** Indonesian scoring above this share of the top language is too close to call. */
const MARGIN = 0.95;
/**
 * The languages compared: Indonesian and its neighbours, and the foreign languages a unit might
 * write in. Comparing these instead of franc's 187 keeps a check at a few milliseconds.
 */
const CANDIDATES = [...INDONESIAN, ...REGIONAL, "eng", "nld", "tgl", "deu", "fra", "spa", "por", "ita"];

/**
 * The language a section is written in, when it is clearly not Indonesian: franc's trigram
 * model over the letters, Malay taken as Indonesian, and a margin so that Indonesian mixed
 * with English terms, or close to a regional language, is not flagged.
 */
export function detectForeignLanguage(
  text: string,
): { code: string; name: { id: string; en: string } } | undefined {
  const letters = text.replace(/https?:\/\/\S+/gu, " ").replace(/[^\p{L}\s]/gu, " ");
  const letterCount = letters.replace(/\s+/gu, "").length;
  if (letterCount < MIN_LETTERS) return undefined;
  const ranked = francAll(letters.slice(0, SAMPLE), { minLength: MIN_LETTERS, only: CANDIDATES });
  const [top] = ranked;
  if (!top || top[0] === "und" || INDONESIAN.has(top[0])) return undefined;
  const indonesian = ranked.find(([code]) => INDONESIAN.has(code));
  if (indonesian && indonesian[1] > MARGIN) return undefined; // too close to call
  if (REGIONAL.includes(top[0]) && (letterCount < MIN_LETTERS_REGIONAL || (indonesian?.[1] ?? 0) > 0.93))
    return undefined;
  return {
    code: top[0],
    name: NAMES[top[0]] ?? { id: `bahasa lain (${top[0]})`, en: `another language (${top[0]})` },
  };
}
