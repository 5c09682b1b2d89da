import mammoth from "mammoth";
import type { ExtractResult } from "./extractText.ts";
import { META_STYLE_PREFIX } from "./klinikStyles.ts";

/**
 * Reads a .docx with mammoth. HTML rather than raw text: raw text loses line breaks inside a
 * paragraph and which paragraphs are headings. Word headings come out as Markdown-style "# "
 * lines (one # per level) so the section splitter can tell a heading from body text, and the
 * paragraphs our own export marks as metadata (title page, word counts, appendix) are dropped so
 * an exported document imports back to exactly its section texts.
 */
export async function extractDocxText(bytes: Uint8Array): Promise<ExtractResult> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: [`p[style-name^='${META_STYLE_PREFIX}'] => !`],
        // Images are irrelevant here; do not read them into base64 data URIs.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    return { ok: true, text: htmlToText(result.value) };
  } catch {
    return { ok: false, reason: "corrupt" };
  }
}

const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"]);

/**
 * Turns mammoth's small HTML vocabulary into text: paragraphs separated by blank lines, list items
 * and table rows ("a | b") one per line, headings as "# " lines.
 */
export function htmlToText(html: string): string {
  let out = "";
  let lastKind: "para" | "item" | "row" | undefined;
  const lists: { ordered: boolean; n: number }[] = [];
  let current: { text: string; prefix: string; kind: "para" | "item" } | undefined;
  let row: string[] | undefined;
  let cell: string[] | undefined;

  const emit = (raw: string, prefix: string, kind: "para" | "item" | "row") => {
    const t = tidy(raw);
    if (!t) return;
    if (cell) {
      cell.push(t);
      return;
    }
    out += `${!lastKind ? "" : kind !== "para" && kind === lastKind ? "\n" : "\n\n"}${prefix}${t}`;
    lastKind = kind;
  };
  const flush = () => {
    if (current) emit(current.text, current.prefix, current.kind);
    current = undefined;
  };

  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g)) {
    const [, closing, rawTag, text] = m;
    if (text !== undefined) {
      if (current) current.text += decodeEntities(text);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === "br") {
      if (current) current.text += "\n";
    } else if (tag === "ol" || tag === "ul") {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === "ol", n: 0 });
    } else if (tag === "tr") {
      if (!closing) row = [];
      else if (row) {
        if (row.some((c) => c)) emit(row.join(" | "), "", "row");
        row = undefined;
      }
    } else if (tag === "td" || tag === "th") {
      if (!closing) cell = [];
      else if (cell) {
        const c = cell;
        cell = undefined;
        row?.push(c.join(" "));
      }
    } else if (BLOCK.has(tag)) {
      if (closing) {
        flush();
        continue;
      }
      const list = lists.at(-1);
      const level = /^h([1-6])$/.exec(tag)?.[1];
      if (tag === "p" && current?.kind === "item" && current.text.trim() === "") {
        continue; // <li><p>…</p></li>: the paragraph is the item's text
      }
      flush();
      if (level) current = { text: "", prefix: `${"#".repeat(Number(level))} `, kind: "para" };
      else if (tag === "li" && list) {
        list.n++;
        const marker = list.ordered ? `${list.n}.` : "-";
        current = { text: "", prefix: `${"  ".repeat(lists.length - 1)}${marker} `, kind: "item" };
      } else current = { text: "", prefix: "", kind: "para" };
    }
  }
  flush();
  return out.trim();
}

function tidy(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith("#x")) return String.fromCodePoint(Number.parseInt(k.slice(2), 16));
    if (k.startsWith("#")) return String.fromCodePoint(Number(k.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " }[k] ?? "";
  });
}
