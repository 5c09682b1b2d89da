import type { Choice, OutgoingMessage } from "../../core/messages.ts";
import { renderChoices, renderRichText, splitText } from "../whatsapp/renderOutgoing.ts";

/**
 * Limits of the Cloud API's message types (Meta's reference): text body 4,096 characters;
 * interactive body 1,024; up to 3 reply buttons with titles of 20; a list of up to 10 rows with
 * titles of 24 and descriptions of 72, behind a button of 20.
 */
export const CLOUD_LIMITS = {
  text: 4096,
  interactiveBody: 1024,
  buttons: 3,
  buttonTitle: 20,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listButton: 20,
  caption: 1024,
} as const;

/** Shown on the button that opens a list; both languages, as the message has no locale. */
export const LIST_BUTTON = "Pilih / Choose";

/** One Graph API message body without `to`; a document is uploaded first (`upload`). */
export type CloudPayload =
  | { type: "text"; text: { body: string; preview_url: boolean } }
  | { type: "interactive"; interactive: Record<string, unknown> }
  | { type: "document"; upload: { data: Uint8Array; mimeType: string; fileName: string }; caption?: string };

export interface RenderedCloud {
  payloads: CloudPayload[];
  /** Choices shown as numbered lines (too many for a list): typed numbers must map back. */
  numbered?: readonly Choice[];
}

/**
 * An OutgoingMessage as Cloud API messages, in sending order: real reply buttons for up to 3
 * short choices, a list message for up to 10, numbered lines beyond; long texts split at the
 * API's limits (the part carrying the buttons within the interactive body's 1,024).
 */
export function renderCloudMessages(msg: OutgoingMessage): RenderedCloud {
  const body = renderRichText(msg.text).trim();
  const choices = msg.choices ?? [];
  const payloads: CloudPayload[] = [];
  let numbered: readonly Choice[] | undefined;

  if (choices.length === 0 || choices.length > CLOUD_LIMITS.listRows) {
    const full = choices.length ? [body, renderChoices(choices)].filter(Boolean).join("\n\n") : body;
    if (choices.length) numbered = choices;
    const parts = full ? splitText(full, CLOUD_LIMITS.text) : [];
    const captioned = msg.document && parts.length === 1 && parts[0]!.length <= CLOUD_LIMITS.caption;
    if (!captioned) for (const p of parts) payloads.push(textPayload(p));
    if (msg.document)
      payloads.push({ type: "document", upload: msg.document, ...(captioned ? { caption: parts[0] } : {}) });
    return { payloads, numbered };
  }

  // The interactive body carries the last part of the text; earlier parts go as plain texts.
  const parts = splitText(body || "…", CLOUD_LIMITS.interactiveBody);
  const last = parts.pop() ?? "…";
  for (const p of parts) payloads.push(textPayload(p));
  if (msg.document) payloads.push({ type: "document", upload: msg.document });
  payloads.push({ type: "interactive", interactive: interactiveFor(last, choices) });
  return { payloads };
}

function textPayload(body: string): CloudPayload {
  return { type: "text", text: { body, preview_url: /https?:\/\//.test(body) } };
}

function interactiveFor(body: string, choices: readonly Choice[]): Record<string, unknown> {
  const titles = choices.map((c) => c.label.trim());
  const buttonsFit =
    choices.length <= CLOUD_LIMITS.buttons &&
    titles.every((t) => t.length > 0 && t.length <= CLOUD_LIMITS.buttonTitle) &&
    new Set(titles).size === titles.length;
  if (buttonsFit)
    return {
      type: "button",
      body: { text: body },
      action: { buttons: choices.map((c, i) => ({ type: "reply", reply: { id: c.id, title: titles[i] } })) },
    };
  return {
    type: "list",
    body: { text: body },
    action: {
      button: LIST_BUTTON,
      sections: [
        {
          rows: choices.map((c) => {
            const label = c.label.trim() || c.id;
            if (label.length <= CLOUD_LIMITS.rowTitle) return { id: c.id, title: label };
            return {
              id: c.id,
              title: `${label.slice(0, CLOUD_LIMITS.rowTitle - 1).trimEnd()}…`,
              description: clip(label, CLOUD_LIMITS.rowDescription),
            };
          }),
        },
      ],
    },
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
