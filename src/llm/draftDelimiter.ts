import { randomBytes } from "node:crypto";

/**
 * The writer's text travels as data between markers that carry a random nonce, in its own user
 * message; it is never spliced into the system prompt. The text cannot forge the closing marker:
 * it would need the nonce, and marker-like sequences are removed from it first anyway.
 */
export interface DraftMarkers {
  nonce: string;
  begin(label?: string): string;
  end(label?: string): string;
}

export function createDraftMarkers(nonce: string = randomBytes(9).toString("base64url")): DraftMarkers {
  const tag = (kind: string, label?: string) => `<<<${kind}${label ? ` ${label}` : ""} ${nonce}>>>`;
  return { nonce, begin: (label) => tag("DRAFT", label), end: (label) => tag("END DRAFT", label) };
}

// Runs of three or more angle brackets (our marker syntax), tag-like fake delimiters such as
// </draft> or <system>, invisible characters used to smuggle text (bidi overrides, Unicode tag
// characters, zero-width), and C0 controls other than tab and newline.
const MARKER_LIKE = /<{3,}|>{3,}/g;
const FAKE_TAGS =
  /<\s*\/?\s*(?:draft|data|document|text|system|user|assistant|instructions?|prompt)\b[^<>]{0,80}>/gi;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Removes the markers (with or without this nonce) and marker-like sequences from the text. */
export function neutraliseDraft(text: string, markers: DraftMarkers): string {
  let out = text.replace(/\r\n?/g, "\n");
  // Repeat until stable: removing one sequence must not join two halves into a new one.
  for (let prev = ""; prev !== out; ) {
    prev = out;
    out = out
      .split(markers.nonce)
      .join("")
      .replace(MARKER_LIKE, "")
      .replace(FAKE_TAGS, "")
      .replace(INVISIBLE, "")
      .replace(CONTROL, "");
  }
  return out.trim();
}

/** Longest draft sent in one request, in characters; the rest is cut (costs, context window). */
export const MAX_DRAFT_CHARS = 12_000;

/** The text as one delimited block: the begin marker, the neutralised text, the end marker. */
export function wrapDraft(text: string, markers: DraftMarkers, label?: string): string {
  let body = neutraliseDraft(text, markers);
  if (body.length > MAX_DRAFT_CHARS) body = `${body.slice(0, MAX_DRAFT_CHARS)} […]`;
  return `${markers.begin(label)}\n${body}\n${markers.end(label)}`;
}
