import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { ExtractResult } from "./extractText.ts";

/** Shape of the text items pdfjs returns (marked-content items have no `str`). */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

interface Line {
  y: number;
  x0: number;
  x1: number;
  height: number;
  text: string;
}

/** Below this many letters and digits per page on average, a PDF is a scan (no text layer). */
const MIN_CHARS_PER_PAGE = 20;

/**
 * Reads the text layer of a PDF with pdfjs (legacy build, the one meant for Node). Text items are
 * grouped into lines by their baseline, lines into paragraphs by vertical gaps, and short lines
 * (headings, list items, last lines of paragraphs) keep their line break so headings stay on their
 * own line for the section splitter.
 */
export async function extractPdfText(bytes: Uint8Array, maxPages: number): Promise<ExtractResult> {
  if (pagesAtLeast(bytes) > maxPages) return { ok: false, reason: "too_many_pages" };
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: bytes.slice(),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    return {
      ok: false,
      reason: (e as Error | undefined)?.name === "PasswordException" ? "encrypted" : "corrupt",
    };
  }
  try {
    const pages = doc.numPages;
    if (pages > maxPages) return { ok: false, reason: "too_many_pages" };
    const texts: string[] = [];
    for (let i = 1; i <= pages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      texts.push(pageText(content.items.filter((it): it is TextItem & typeof it => "str" in it)));
      page.cleanup();
    }
    const text = texts.filter((t) => t.length > 0).join("\n\n");
    const significant = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    if (pages > 0 && significant < MIN_CHARS_PER_PAGE * pages) return { ok: false, reason: "image_only" };
    return { ok: true, text, pages };
  } catch {
    return { ok: false, reason: "corrupt" };
  } finally {
    await doc.destroy().catch(() => {});
  }
}

/**
 * A lower bound of the page count read from the raw bytes, before pdfjs loads anything: the
 * largest page-tree /Count, or the page objects written in plain (object streams can hide
 * some, never add any). Loading a 5,000-page PDF only to learn it is too long costs seconds and
 * hundreds of MB; this costs one scan.
 */
function pagesAtLeast(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let count = 0;
  for (const m of text.matchAll(
    /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g,
  ))
    count = Math.max(count, Number(m[1] ?? m[2]));
  const objects = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  return Math.max(count, objects);
}

function pageText(items: TextItem[]): string {
  const lines = groupLines(items);
  if (lines.length === 0) return "";
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i]!.y - l.y)
    .filter((g) => g > 0);
  const lineGap = median(gaps) ?? median(lines.map((l) => l.height)) ?? 12;
  const right = Math.max(...lines.map((l) => l.x1));
  const left = Math.min(...lines.map((l) => l.x0));
  let out = "";
  lines.forEach((line, i) => {
    out += line.text;
    const next = lines[i + 1];
    if (!next) return;
    const gap = line.y - next.y;
    const short = line.x1 < left + (right - left) * 0.8;
    if (gap > lineGap * 1.4 || gap < 0) out += "\n\n";
    else if (short) out += "\n";
    else if (line.text.endsWith("-")) out += "";
    else out += " ";
  });
  return out.trim();
}

/** Items on the same baseline (within a third of the font height) form one line, left to right. */
function groupLines(items: TextItem[]): Line[] {
  const parts = items
    .filter((it) => it.str.length > 0 || it.hasEOL)
    .map((it) => ({
      x: it.transform[4] ?? 0,
      y: it.transform[5] ?? 0,
      w: it.width,
      h: Math.abs(it.height) || 10,
      s: it.str,
    }));
  const lines: { y: number; h: number; parts: typeof parts }[] = [];
  for (const p of parts) {
    if (p.s.trim() === "") continue;
    const line = lines.find((l) => Math.abs(l.y - p.y) <= Math.max(l.h, p.h) / 3);
    if (line) line.parts.push(p);
    else lines.push({ y: p.y, h: p.h, parts: [p] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const ps = l.parts.sort((a, b) => a.x - b.x);
      let text = "";
      let end = Number.NEGATIVE_INFINITY;
      for (const p of ps) {
        // A visible gap between items is a space the PDF did not write as a character.
        if (text && p.x - end > p.h * 0.15 && !text.endsWith(" ") && !p.s.startsWith(" ")) text += " ";
        text += p.s;
        end = p.x + p.w;
      }
      return { y: l.y, x0: ps[0]!.x, x1: end, height: l.h, text: text.replace(/\s+/g, " ").trim() };
    })
    .filter((l) => l.text.length > 0);
}

function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
