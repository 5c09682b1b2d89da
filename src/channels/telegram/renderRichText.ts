import type { RichText, Span } from "../../core/messages.ts";

/**
 * Renders rich text as Telegram HTML (parse_mode "HTML"). Every string is escaped, so text a
 * user typed ("<b>", "a & b") is shown literally and can never break the markup.
 */
export function renderRichText(text: RichText): string {
  return text.map(renderSpan).join("");
}

/** Escapes the three characters Telegram's HTML parser treats specially. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function renderSpan(span: Span): string {
  if (typeof span === "string") return escapeHtml(span);
  if ("b" in span) return span.b === "" ? "" : `<b>${escapeHtml(span.b)}</b>`;
  if ("i" in span) return span.i === "" ? "" : `<i>${escapeHtml(span.i)}</i>`;
  return span.code === "" ? "" : `<code>${escapeHtml(span.code)}</code>`;
}
