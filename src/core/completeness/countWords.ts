/**
 * Counts words the way a reader (and a word processor) would: whitespace-separated tokens that
 * contain at least one letter or digit. "KTP-el", "61%" and "1.250" are one word each; a lone
 * dash or bullet is none.
 */
export function countWords(text: string): number {
  return wordTokens(text).length;
}

/** The counted tokens, lower-cased, with surrounding punctuation trimmed (used by throwaway checks). */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/u)) {
    if (!/[\p{L}\p{N}]/u.test(raw)) continue;
    out.push(raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, "").toLowerCase());
  }
  return out;
}
