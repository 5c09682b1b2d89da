import { fold, foldText } from "./foldText.ts";

/**
 * Finds which of a template's keywords occur in a text: case- and diacritics-insensitive, on word
 * boundaries ("SOP" does not match "sopir"), with any run of spaces between the words of a
 * phrase. Indonesian clitics -nya/-lah/-pun/-kah may follow a keyword ("tujuannya"); a keyword
 * ending in "*" matches as a stem ("replikasi*" → "replikasinya", "evalu*" → "evaluasi").
 * Returns the keywords found, each with the snippet quoted from the original text.
 */
export function matchKeywords(text: string, keywords: readonly string[]): KeywordMatch[] {
  const { folded, map } = foldText(text);
  const found: KeywordMatch[] = [];
  for (const keyword of keywords) {
    const m = keywordRegex(keyword).exec(folded);
    if (!m) continue;
    const start = map[m.index] ?? 0;
    const end = map[m.index + m[0].length] ?? text.length;
    found.push({ keyword, snippet: text.slice(start, end), start, end });
  }
  return found;
}

/** A keyword's first occurrence, quoted from the original text (start/end index into it). */
export interface KeywordMatch {
  keyword: string;
  snippet: string;
  start: number;
  end: number;
}

const cache = new Map<string, RegExp>();

function keywordRegex(keyword: string): RegExp {
  let re = cache.get(keyword);
  if (!re) {
    const stem = keyword.trim().endsWith("*");
    const words = fold(keyword.trim().replace(/\*$/u, "")).split(/\s+/u).map(escapeRegExp);
    const tail = stem ? String.raw`[\p{L}\p{N}]*` : "(?:nya|lah|pun|kah)?";
    re = new RegExp(String.raw`(?<![\p{L}\p{N}])${words.join(String.raw`\s+`)}${tail}(?![\p{L}\p{N}])`, "u");
    cache.set(keyword, re);
  }
  return re;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
