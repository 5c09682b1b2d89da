import type { Template } from "../templates/templateSchema.ts";
import { createHeadingIndex, type HeadingMatch } from "./headingIndex.ts";

/** One template section found in a document: the heading as written and the text under it. */
export interface SplitSection {
  key: string;
  text: string;
  /** The heading as it appeared ("II. Latar Belakang dan Tujuan"); several joined by " + ". */
  heading: string;
}

/** A document cut into the template's sections, plus the text no section heading claimed. */
export interface SplitResult {
  /** Non-empty sections, in template order. */
  sections: SplitSection[];
  /** Text before the first section heading or under unknown headings, in document order. */
  unmatched: string[];
}

interface Chunk {
  key: string | undefined;
  heading: string;
  level: number | null;
  lines: string[];
}

/**
 * Cuts a document's text into the template's sections by their headings. A heading is a line
 * naming a section (see headingIndex: numbering, case, punctuation, diacritics and older names
 * do not matter). An unknown heading ends the current section when it looks like a sibling: a
 * Word heading at (or above) the level the document uses for section headings, or an ALL-CAPS
 * line under a plain-line section heading; deeper Word headings stay inside as sub-headings. A
 * section named twice (a table of contents, or "Latar Belakang" and "Tujuan" as two headings) is
 * joined. Pure: no I/O.
 */
export function splitIntoSections(template: Template, text: string): SplitResult {
  const index = createHeadingIndex(template);
  const chunks: Chunk[] = [{ key: undefined, heading: "", level: null, lines: [] }];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const matches = lines.map((line) => (/\S/.test(line) ? index.match(line) : undefined));
  // The Word heading level the document uses for its sections: unknown headings at that level or
  // above are siblings (end the section), deeper ones are sub-headings inside it.
  const levels = matches.flatMap((m) => (m?.sectionKey && m.level !== null ? [m.level] : []));
  const sectionLevel = levels.length > 0 ? Math.min(...levels) : null;

  lines.forEach((line, i) => {
    const current = chunks.at(-1)!;
    const m = matches[i];
    if (m?.sectionKey && !(m.sectionKey === current.key && (m.rest !== undefined || !m.strong))) {
      chunks.push({ key: m.sectionKey, heading: m.heading, level: m.level, lines: m.rest ? [m.rest] : [] });
    } else if (m && !m.sectionKey && endsSection(current, m, sectionLevel)) {
      chunks.push({ key: undefined, heading: m.heading, level: m.level, lines: [m.heading] });
    } else {
      current.lines.push(line.replace(/^\s*#{1,6}\s+/, ""));
    }
  });

  const byKey = new Map<string, SplitSection>();
  const unmatched: string[] = [];
  for (const c of chunks) {
    const body = tidy(c.lines.join("\n"));
    if (c.key === undefined) {
      if (body) unmatched.push(body);
      continue;
    }
    if (!body) continue; // a table-of-contents entry, or a heading with nothing under it
    const seen = byKey.get(c.key);
    if (seen) {
      seen.text = `${seen.text}\n\n${body}`;
      if (!seen.heading.split(" + ").includes(c.heading)) seen.heading = `${seen.heading} + ${c.heading}`;
    } else byKey.set(c.key, { key: c.key, heading: c.heading, text: body });
  }
  const sections = template.sections.flatMap((s) => {
    const hit = byKey.get(s.key);
    return hit ? [hit] : [];
  });
  return { sections, unmatched };
}

function endsSection(current: Chunk, m: HeadingMatch, sectionLevel: number | null): boolean {
  if (!m.strong) return false;
  if (current.key === undefined) return m.level !== null; // only real Word headings cut the preamble
  if (m.level !== null) return sectionLevel === null || m.level <= sectionLevel;
  return current.level === null; // an ALL-CAPS line, in a document whose headings are plain lines
}

/** Trailing spaces off every line, at most one blank line in a row, no blank edges. */
export function tidy(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
