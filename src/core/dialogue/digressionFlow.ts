import { renderHelp } from "../commands/renderHelp.ts";
import { classifyMessage, type MessageKind } from "../intent/classifyMessage.ts";
import { runCommand } from "./commandFlow.ts";
import type { Step } from "./dialogueState.ts";
import { addToAnswer, resumePrompt } from "./sectionFlow.ts";
import type { Turn } from "./Turn.ts";

type Writing = Extract<Step, { kind: "writing" }>;

/** Requests the app's routes answer, by the command they run. */
const ROUTED: Partial<Record<MessageKind, string>> = {
  status: "status",
  scores: "nilai",
  export: "ekspor",
  saran: "saran",
};
const ENGINE: Partial<Record<MessageKind, string>> = {
  lihat: "lihat",
  cek: "cek",
  bagian: "bagian",
  riwayat: "riwayat",
  batal: "batal",
};

/**
 * Free text while a section is open: text of the answer is added; a question, a greeting or a
 * request in words is answered and the user is led back to the section with its word count;
 * when the rules cannot tell, the user chooses and the text is held, never dropped.
 */
export function writeOrDigress(turn: Turn, step: Writing, text: string, hint?: MessageKind): void {
  const kind = hint ?? classifyMessage(text);
  if (kind === "draft") return addToAnswer(turn, text);
  if (kind === "unsure") {
    turn.state.step = { ...step, held: text };
    turn.say(turn.t.unsureAsk, [
      { id: "digress:add", label: turn.t.btnAddToAnswer },
      { id: "digress:ask", label: turn.t.btnIsQuestion },
    ]);
    return;
  }
  answerDigression(turn, kind, text);
}

/**
 * Answers a message that is not text of the answer; false when it is (draft or unsure), so the
 * caller decides what to do with it. Used after a review too ("halo" is not a revision).
 */
export function answerDigression(turn: Turn, kind: MessageKind, text: string): boolean {
  const t = turn.t;
  const routed = ROUTED[kind];
  const engine = ENGINE[kind];
  if (routed) {
    turn.redirect = { command: routed };
    resumePrompt(turn);
    return true;
  }
  if (engine) {
    runCommand(turn, engine, "");
    return true;
  }
  switch (kind) {
    case "greeting":
      turn.say(t.greetingWhileWriting);
      resumePrompt(turn);
      return true;
    case "help":
      turn.say(renderHelp(turn.locale, turn.ctx.role ?? "participant"));
      resumePrompt(turn);
      return true;
    case "question":
      explainSection(turn, text);
      resumePrompt(turn);
      return true;
    default:
      return false;
  }
}

/** The user's choice on a held message: add it to the answer, or answer it as a question. */
export function resolveHeld(turn: Turn, choice: "add" | "ask"): void {
  const step = turn.state.step;
  if (step.kind !== "writing" || step.held === undefined) {
    turn.say(turn.t.staleChoice);
    return resumePrompt(turn);
  }
  const { held, ...rest } = step;
  turn.state.step = rest;
  if (choice === "add") return addToAnswer(turn, held);
  explainSection(turn, held);
  resumePrompt(turn);
}

/**
 * A message held for a choice that the user did not make (they wrote on): it is text the bot
 * acknowledged receiving, so it joins the answer before the new message, rather than vanishing.
 */
export function releaseHeld(turn: Turn): void {
  const step = turn.state.step;
  if (step.kind !== "writing" || step.held === undefined) return;
  const { held, ...rest } = step;
  turn.state.step = { ...rest, buffer: [...rest.buffer, held] };
}

/**
 * A short explanation of the open section: what it is for, its guiding questions, and the tips of
 * the required elements the question mentions ("apa maksud nilai tambah?").
 */
function explainSection(turn: Turn, question: string): void {
  const key =
    turn.state.step.kind === "writing" || turn.state.step.kind === "reviewed"
      ? turn.state.step.sectionKey
      : turn.state.sectionKey;
  const section = turn.section(key);
  if (!section) return;
  const L = turn.locale;
  const q = question.toLowerCase();
  const matched = section.elements
    .filter((e) =>
      e.label[L]
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .some((w) => w.length >= 5 && q.includes(w)),
    )
    .slice(0, 2)
    .map((e) => `• ${e.label[L]}: ${e.tip[L]}`);
  const questions = section.questions.map((x, n) => `${n + 1}. ${x[L]}`).join("\n");
  turn.say([
    turn.t.notAdded,
    "\n\n",
    { b: section.title[L] },
    ": ",
    section.purpose[L],
    "\n",
    turn.t.guidingQuestions,
    "\n",
    questions,
    ...(matched.length ? ["\n\n", matched.join("\n")] : []),
  ]);
}
