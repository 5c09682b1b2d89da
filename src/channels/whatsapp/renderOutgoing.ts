import type { AnyMessageContent } from "@whiskeysockets/baileys";
import type { Choice, OutgoingMessage, RichText, Span } from "../../core/messages.ts";

/** WhatsApp's own limit is far higher; long walls of text are split for reading on a phone. */
export const MAX_TEXT_LENGTH = 4000;

/** U+2060 WORD JOINER: invisible, not whitespace, so a marker next to it opens or closes nothing. */
const WJ = "\u2060";
const URL_PATTERN = /\bhttps?:\/\/\S+/g;

/**
 * Makes plain text show literally: every formatting marker (* _ ~ `) gets a word joiner on both
 * sides, and a leading ">" (quote) one in front. URLs are left untouched so links keep working.
 */
export function escapeWhatsApp(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapeSegment(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + escapeSegment(text.slice(last));
}

function escapeSegment(text: string): string {
  return text.replace(/[*_~`]/g, (marker) => `${WJ}${marker}${WJ}`).replace(/(^|\n)>/g, `$1${WJ}>`);
}

/** Rich text to WhatsApp markup: {b} → *x*, {i} → _x_, {code} → ```x```; plain strings escaped. */
export function renderRichText(text: RichText): string {
  return text.map(renderSpan).join("");
}

function renderSpan(span: Span): string {
  if (typeof span === "string") return escapeWhatsApp(span);
  if ("b" in span) return wrap(span.b, "*", escapeWhatsApp);
  if ("i" in span) return wrap(span.i, "_", escapeWhatsApp);
  return wrap(span.code, "```", (s) => s.replace(/`/g, `${WJ}\`${WJ}`));
}

/** WhatsApp ignores markers next to whitespace ("* x *"), so edge whitespace moves outside. */
function wrap(content: string, marker: string, escapeCore: (s: string) => string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(content);
  const [, lead = "", core = "", trail = ""] = match ?? [];
  if (core === "") return content;
  return `${lead}${marker}${escapeCore(core)}${marker}${trail}`;
}

/** Choices as numbered lines ("1. Mulai proposal baru"); the app's text says what to do. */
export function renderChoices(choices: readonly Choice[]): string {
  return choices.map((choice, index) => `${index + 1}. ${escapeWhatsApp(choice.label)}`).join("\n");
}

/** Splits at paragraph breaks, else line breaks, else spaces; never inside a surrogate pair. */
export function splitText(text: string, limit = MAX_TEXT_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf("\n\n", limit);
    if (cut < limit / 2) cut = rest.lastIndexOf("\n", limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(" ", limit);
    if (cut <= 0) {
      cut = limit;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    const part = rest.slice(0, cut).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.trim()) parts.push(rest);
  return parts;
}

/**
 * The WhatsApp messages one OutgoingMessage becomes, in sending order: the text (choices
 * appended) in one or more parts, then the document. A short text rides along as the caption.
 */
export function renderOutgoing(msg: OutgoingMessage): AnyMessageContent[] {
  const body = renderRichText(msg.text).trim();
  const list = msg.choices?.length ? renderChoices(msg.choices) : "";
  const full = [body, list].filter(Boolean).join("\n\n");
  const parts = splitText(full);
  if (!msg.document) return parts.map((text) => ({ text }));

  const document = {
    document: Buffer.from(msg.document.data),
    mimetype: msg.document.mimeType,
    fileName: msg.document.fileName,
  };
  if (parts.length === 1 && parts[0]!.length <= 1000) return [{ ...document, caption: parts[0]! }];
  return [...parts.map((text) => ({ text })), document];
}
