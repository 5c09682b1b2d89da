import type { Template } from "../templates/templateSchema.ts";

/** A line read as a heading: which section it names (if any) and its Markdown level (null = plain line). */
export interface HeadingMatch {
  sectionKey: string | undefined;
  /** The heading as written, without "#" markers or decoration. */
  heading: string;
  /** "# " count from a Word heading style; null for a plain line. */
  level: number | null;
  /** Text after "Ringkasan:" on the same line. */
  rest?: string;
  /** Looks like a heading of its own (Word heading style, or an ALL-CAPS line). */
  strong: boolean;
}

/** Words that carry no meaning in a section name ("Implementasi Inovasi" = "Implementasi"). */
const FILLER = new Set(["inovasi", "innovation", "dan", "and", "dari", "yang", "the", "of", "atau", "or"]);
const MAX_HEADING_WORDS = 14;
const MIN_PARTIAL_LETTERS = 6;

/**
 * Recognises section headings of a template however they were numbered, cased and punctuated,
 * under the current (id/en) and older names (`aliases`). Exact names win over partial ones: a run
 * of words of a name ("Latar Belakang", "Keberlanjutan", "dampak") names its section only if no
 * other section's names contain it.
 */
export function createHeadingIndex(template: Template) {
  const exact = new Map<string, string>();
  /** Current titles only: the "Ringkasan: …" inline form must not fire on an alias like "Masalah:". */
  const titles = new Map<string, string>();
  const partial = new Map<string, string | null>();
  for (const s of template.sections) {
    for (const name of [s.title.id, s.title.en, ...s.aliases]) {
      const isTitle = name === s.title.id || name === s.title.en;
      const withParens = normalizeName(name);
      const withoutParens = normalizeName(name.replace(/\([^)]*\)/g, " "));
      for (const n of [withParens, withoutParens]) {
        if (n && !exact.has(n)) exact.set(n, s.key);
        if (n && isTitle && !titles.has(n)) titles.set(n, s.key);
      }
      // every run of consecutive words ("Latar Belakang", "Tujuan", "Keberlanjutan", "dampak")
      const words = normalizeName(name).split(" ").filter(Boolean);
      for (let i = 0; i < words.length; i++)
        for (let j = i + 1; j <= words.length; j++) {
          const n = words.slice(i, j).join(" ");
          if (n.replace(/\s/g, "").length < MIN_PARTIAL_LETTERS) continue;
          const seen = partial.get(n);
          // a part two sections share names neither
          partial.set(n, seen === undefined || seen === s.key ? s.key : null);
        }
    }
  }

  /** Reads one line; undefined when it cannot be a heading at all (too long, empty). */
  function match(line: string): HeadingMatch | undefined {
    const trimmed = line.trim();
    if (!trimmed || trimmed.length > 160) return undefined;
    const marker = /^(#{1,6})\s+/.exec(trimmed);
    const level = marker ? marker[1]!.length : null;
    const raw = marker ? trimmed.slice(marker[0].length) : trimmed;
    const bare = stripDecoration(raw);
    if (!bare) return undefined;
    const words = bare.split(/\s+/).length;
    const strong = level !== null || isAllCapsHeading(bare);

    if (words <= MAX_HEADING_WORDS) {
      const key = lookup(stripNumbering(bare), "partial");
      if (key) return { sectionKey: key, heading: bare, level, strong };
    }
    // "Ringkasan: Inovasi ini …" — a heading and the first line of text; exact names only.
    const colon = /^([^:]{2,80}):[*_]*\s+(\S.*)$/.exec(raw.replace(/^[\s*_]+/, ""));
    if (colon && level === null) {
      const key = lookup(stripNumbering(stripDecoration(colon[1]!)), "title");
      if (key) return { sectionKey: key, heading: colon[1]!.trim(), level, rest: colon[2]!.trim(), strong };
    }
    if (words > MAX_HEADING_WORDS) return undefined;
    return { sectionKey: undefined, heading: bare, level, strong };
  }

  function lookup(text: string, scope: "title" | "partial"): string | undefined {
    const variants = [normalizeName(text), normalizeName(text.replace(/\([^)]*\)/g, " "))];
    for (const v of variants) {
      const hit = v ? (scope === "title" ? titles : exact).get(v) : undefined;
      if (hit) return hit;
    }
    if (scope === "title") return undefined;
    for (const v of variants) {
      const hit = v ? partial.get(v) : undefined;
      if (hit) return hit;
    }
    return undefined;
  }

  return { match };
}

export type HeadingIndex = ReturnType<typeof createHeadingIndex>;

/** Lower-case, no diacritics, punctuation as spaces, filler words dropped. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w && !FILLER.has(w))
    .join(" ");
}

/** Removes "=== … ===", "**…**", trailing colons and similar wrapping around a heading. */
function stripDecoration(text: string): string {
  return text
    .replace(/^[\s=*_~#>|•·-]+/, "")
    .replace(/[\s=*_~#|:;.,-]+$/, "")
    .trim();
}

// "Bagian 2 –", "BAB II.", "Section 3:" / "1.", "1.2", "2)", "(2)", "II.", "iv)", "A.", "c)"
const NUMBERING = [
  /^(?:bagian|bab|section|part|chapter|pasal|butir)\s+(?:\d{1,3}|[ivxlc]{1,7}|[a-z])(?![\p{L}\p{N}])[\s.):–—-]*/iu,
  /^\(?(?:\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,7}|[a-z])\)\s*/i,
  /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[ivxlc]{1,7}\.|[a-z]\.)(?=\s|$)\s*/i,
  /^(?:\d{1,3}(?:\.\d{1,3})*\.|[ivxlc]{1,7}\.|[a-z]\.)(?=\p{L})/iu,
  /^[–—:-]\s*/,
];

/** Strips leading numbering, possibly nested ("Bagian 2 – 2.1"), from a heading. */
export function stripNumbering(text: string): string {
  let t = text.trim();
  for (let round = 0; round < 3; round++) {
    const before = t;
    for (const re of NUMBERING) t = t.replace(re, "").trim();
    if (t === before) break;
  }
  return t;
}

/** An upper-case line of a few words without a sentence end: "LAMPIRAN", "BAB III PENUTUP". */
function isAllCapsHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length < 4 || letters !== letters.toUpperCase()) return false;
  if (/[.!?;,]$/.test(text)) return false;
  return text.split(/\s+/).length <= 8;
}
