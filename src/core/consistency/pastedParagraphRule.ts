import { wordTokens } from "../completeness/countWords.ts";
import { memoByText } from "../completeness/memo.ts";

const MIN_WORDS = 20;
const SHARE = 0.8;

/**
 * A paragraph pasted into several sections is flagged in the later ones only: the first
 * section holding it is where it was written. Returns, for a later section, the earlier
 * section it repeats and the paragraph's opening words.
 */
export function pastedParagraph(
  text: string,
  earlier: { key: string; text: string }[],
): { otherKey: string; quote: string } | undefined {
  for (const para of paragraphs(text)) {
    const tokens = wordTokens(para);
    if (tokens.length < MIN_WORDS) continue;
    const mine = shingles(tokens);
    for (const e of earlier) {
      if (!e.text.trim()) continue;
      const theirs = shinglesOf(e.text);
      let shared = 0;
      for (const s of mine) if (theirs.has(s)) shared++;
      if (shared / mine.size >= SHARE) return { otherKey: e.key, quote: `${tokens.slice(0, 8).join(" ")}…` };
    }
  }
  return undefined;
}

function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/u).filter((p) => p.trim());
}

const shinglesOf = memoByText((text: string) => shingles(wordTokens(text)), 32);

function shingles(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= tokens.length; i++) out.add(tokens.slice(i, i + 3).join(" "));
  return out;
}
