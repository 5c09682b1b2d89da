import type { OutgoingMessage } from "../../core/messages.ts";

/** Renders a reply for a terminal: bold as ANSI on a TTY, choices as a numbered list. */
export function renderConsole(msg: OutgoingMessage, color: boolean): string {
  const text = msg.text
    .map((s) => {
      if (typeof s === "string") return stripControls(s);
      if ("b" in s) return color ? `\x1b[1m${stripControls(s.b)}\x1b[22m` : stripControls(s.b);
      if ("i" in s) return color ? `\x1b[3m${stripControls(s.i)}\x1b[23m` : stripControls(s.i);
      return stripControls(s.code);
    })
    .join("");
  const lines = [text];
  if (msg.choices?.length)
    lines.push(msg.choices.map((c, i) => `  ${i + 1}. ${stripControls(c.label)}`).join("\n"));
  if (msg.document) lines.push(`  📎 ${msg.document.fileName} (${msg.document.data.byteLength} bytes)`);
  return lines.join("\n");
}

/** User text must not move the cursor or recolour the terminal. */
function stripControls(s: string): string {
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f\x1b]/g, "");
}
