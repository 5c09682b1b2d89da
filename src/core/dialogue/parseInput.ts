import { parseCommand } from "../commands/parseCommand.ts";
import type { DialogueState } from "./dialogueState.ts";
import type { TurnInput } from "./turnTypes.ts";

export const MAX_MESSAGE_CHARS = 10_000;

export type ParsedInput =
  | { kind: "command"; name: string; arg: string }
  | { kind: "choice"; id: string }
  | { kind: "staleChoice" }
  | { kind: "done" }
  | { kind: "greeting" }
  | { kind: "text"; text: string }
  | { kind: "tooLong"; chars: number }
  | { kind: "nonText" }
  | { kind: "empty" };

const DONE_WORDS = new Set(["selesai", "done", "sudah", "sudah selesai", "finish", "finished", "cukup"]);
const GREETINGS =
  /^(halo+|hallo+|hai+|hi+|hey|hello|helo|p|ping|assalamu.?alaikum.*|salam|selamat (pagi|siang|sore|malam)|good (morning|afternoon|evening)|permisi)[\s!.,]*$/i;

/** Choices that stay meaningful after newer messages (they name what they act on). */
const DURABLE = /^(sec|prop|comp|lang):/;

export function parseInput(input: TurnInput, state: DialogueState): ParsedInput {
  if (input.choice !== undefined) {
    if (state.choices.some((c) => c.id === input.choice) || DURABLE.test(input.choice))
      return { kind: "choice", id: input.choice };
    return { kind: "staleChoice" };
  }
  const raw = input.text;
  if (raw === undefined || (input.attachmentKind && raw.trim() === "")) return { kind: "nonText" };
  // An empty line (Enter pressed in the terminal, blank text) is not an attachment.
  if (raw.trim() === "") return { kind: "empty" };
  if (raw.length > MAX_MESSAGE_CHARS) return { kind: "tooLong", chars: raw.length };
  const text = raw.trim();
  const cmd = parseCommand(text);
  if (cmd) return { kind: "command", name: cmd.name, arg: cmd.arg };
  const picked = pickChoice(text, state);
  if (picked) return { kind: "choice", id: picked };
  const lower = text.toLowerCase().replace(/[.!]+$/, "");
  if (DONE_WORDS.has(lower)) return { kind: "done" };
  if (GREETINGS.test(text) && state.step.kind !== "writing") return { kind: "greeting" };
  return { kind: "text", text };
}

/** "2", "2.", or the words of a label pick one of the choices last offered. */
function pickChoice(text: string, state: DialogueState): string | undefined {
  if (state.choices.length === 0) return undefined;
  const n = /^(\d{1,2})\.?$/.exec(text);
  if (n) return state.choices[Number(n[1]) - 1]?.id;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N} ]/gu, "")
      .replace(/\s+/g, " ")
      .trim();
  const want = norm(text);
  if (!want) return undefined;
  return state.choices.find((c) => norm(c.label) === want)?.id;
}
