import { plainText, type RichText, type Span } from "../../core/messages.ts";

/** Telegram's limit for a message text, counted after entity parsing. */
export const MESSAGE_LIMIT = 4096;
/** Telegram's limit for a media caption. */
export const CAPTION_LIMIT = 1024;

/**
 * Splits rich text into parts whose visible length is at most `limit`, preferring paragraph
 * boundaries, then line breaks, then spaces. The split works on visible characters and slices
 * spans, so a part never ends inside a tag: each part renders to balanced HTML on its own.
 * Lengths are UTF-16 code units, never fewer than the characters Telegram counts.
 */
export function splitRichText(text: RichText, limit = MESSAGE_LIMIT): RichText[] {
  const plain = plainText(text);
  const parts: RichText[] = [];
  let pos = skipWhitespace(plain, 0);
  while (pos < plain.length) {
    if (plain.length - pos <= limit) {
      parts.push(sliceRichText(text, pos, plain.length));
      break;
    }
    const end = pos + breakOffset(plain.slice(pos, pos + limit + 1), limit);
    parts.push(sliceRichText(text, pos, end));
    pos = skipWhitespace(plain, end);
  }
  return parts.filter((p) => plainText(p).trim() !== "");
}

/** Where to end a part within `window` (which is one character longer than the limit). */
function breakOffset(window: string, limit: number): number {
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator, limit);
    if (at > 0 && window.slice(0, at).trim() !== "") return at;
  }
  // One unbroken run: cut hard, but never between the halves of a surrogate pair.
  const code = window.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function skipWhitespace(s: string, from: number): number {
  let i = from;
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
}

/** The spans covering visible characters [start, end), each keeping its style. */
export function sliceRichText(text: RichText, start: number, end: number): RichText {
  const out: RichText = [];
  let offset = 0;
  for (const span of text) {
    const content = spanText(span);
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + content.length);
    if (from < to) out.push(withText(span, content.slice(from - offset, to - offset)));
    offset += content.length;
    if (offset >= end) break;
  }
  return out;
}

function spanText(span: Span): string {
  if (typeof span === "string") return span;
  return "b" in span ? span.b : "i" in span ? span.i : span.code;
}

function withText(span: Span, text: string): Span {
  if (typeof span === "string") return text;
  return "b" in span ? { b: text } : "i" in span ? { i: text } : { code: text };
}
