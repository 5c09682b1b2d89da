import { classifyMessage, type MessageKind } from "../intent/classifyMessage.ts";
import {
  beginNewProposal,
  goBack,
  listSections,
  needProposal,
  runCommand,
  setLanguage,
  switchProposal,
} from "./commandFlow.ts";
import type { DialogueState } from "./dialogueState.ts";
import { answerDigression, releaseHeld, resolveHeld, writeOrDigress } from "./digressionFlow.ts";
import { offerHelp } from "./offerHelp.ts";
import { type ParsedInput, parseInput } from "./parseInput.ts";
import { answerField, chooseCompetition, start } from "./proposalFlow.ts";
import {
  addToAnswer,
  finishAnswer,
  nextSection,
  openSection,
  restoreText,
  resumePrompt,
  sectionChoices,
} from "./sectionFlow.ts";
import { Turn } from "./Turn.ts";
import type { TurnContext, TurnInput, TurnResult } from "./turnTypes.ts";

/**
 * The coaching-clinic dialogue: a pure function from (state, input, context) to the new state,
 * the replies, and the effects the app must persist. No I/O, no clock, no randomness here.
 */
export function advance(state: DialogueState, input: TurnInput, ctx: TurnContext): TurnResult {
  const turn = new Turn(state, ctx);
  const parsed = parseInput(input, state);
  // A held message the user did not decide on joins the answer before anything else happens.
  if (!(parsed.kind === "choice" && parsed.id.startsWith("digress:"))) releaseHeld(turn);
  dispatch(turn, parsed, input.intent);
  offerHelp(turn);
  return turn.result();
}

/** What the app must load for this turn beyond the usual (kept out of the per-turn cost otherwise). */
export interface ContextNeeds {
  revisionsOf?: string;
  /** Released scores: a check may be shown (selesai, /cek, leaving a section). */
  scores?: boolean;
  /** Which sections had AI advice (/lihat). */
  aiUse?: boolean;
  /** Attachments, video, title and quota facts (the upload checklist). */
  upload?: boolean;
}

export function contextNeeds(state: DialogueState, input: TurnInput): ContextNeeds {
  const parsed = parseInput(input, state);
  const key =
    state.step.kind === "writing" || state.step.kind === "reviewed" || state.step.kind === "history"
      ? state.step.sectionKey
      : state.sectionKey;
  const open = state.step.kind === "writing" || state.step.kind === "reviewed";
  const kind = parsed.kind === "text" && open ? (input.intent ?? classifyMessage(parsed.text)) : undefined;
  const command = parsed.kind === "command" ? parsed.name : kind;
  const needs: ContextNeeds = {};
  if (command === "riwayat" || (state.step.kind === "history" && parsed.kind === "choice"))
    needs.revisionsOf = key ?? "";
  if (command === "lihat") needs.aiUse = true;
  if (command && UPLOAD_COMMANDS.has(command)) needs.upload = true;
  // Plain text of an answer (most messages) shows no check: no need to load the scores.
  if (
    parsed.kind === "done" ||
    parsed.kind === "choice" ||
    parsed.kind === "command" ||
    (kind && kind !== "draft")
  )
    needs.scores = true;
  return needs;
}

/** Commands whose answer includes the upload checklist or the attachments. */
const UPLOAD_COMMANDS = new Set(["cek", "siap", "lihat", "video"]);

function dispatch(turn: Turn, p: ParsedInput, hint: MessageKind | undefined): void {
  const t = turn.t;
  const step = turn.state.step;
  switch (p.kind) {
    case "tooLong":
      turn.say(t.tooLong(p.chars));
      return resumePrompt(turn);
    case "nonText":
      turn.say(t.nonText);
      return resumePrompt(turn);
    case "empty":
      turn.say(t.emptyLine);
      return resumePrompt(turn);
    case "staleChoice":
      turn.say(t.staleChoice);
      return resumePrompt(turn);
    case "command":
      return runCommand(turn, p.name, p.arg);
    case "greeting":
      if (turn.state.welcomed && step.kind !== "idle") {
        turn.say(t.welcomeBack);
        return resumePrompt(turn);
      }
      return start(turn, { greeting: true });
    case "choice":
      return choose(turn, p.id);
    case "done":
      if (step.kind === "writing") return finishAnswer(turn);
      return freeText(turn, "selesai");
    case "text":
      return freeText(turn, p.text, hint);
  }
}

function choose(turn: Turn, id: string): void {
  const step = turn.state.step;
  const [prefix, rest = ""] = id.includes(":")
    ? [id.slice(0, id.indexOf(":")), id.slice(id.indexOf(":") + 1)]
    : [id];
  if (step.kind === "newProposal") return answerField(turn, step, { choice: id });
  switch (prefix) {
    case "new":
      return beginNewProposal(turn);
    case "continue":
      if (turn.ctx.proposals.length === 1) return switchProposal(turn, turn.ctx.proposals[0]!.id);
      return needProposal(turn);
    case "comp":
      return chooseCompetition(turn, rest);
    case "prop":
      return switchProposal(turn, rest);
    case "lang":
      return setLanguage(turn, rest === "en" ? "en" : "id");
    case "back":
      return goBack(turn);
    case "sec":
      if (!turn.section(rest)) return turn.say(turn.t.staleChoice);
      return openSection(turn, rest);
    case "rev":
      return restore(turn, rest);
    case "digress":
      return resolveHeld(turn, rest === "add" ? "add" : "ask");
  }
  if (step.kind !== "reviewed") {
    turn.say(turn.t.staleChoice);
    return resumePrompt(turn);
  }
  const key = step.sectionKey;
  const title = turn.section(key)?.title[turn.locale] ?? key;
  switch (prefix) {
    case "revise":
    case "append": {
      const mode = prefix === "revise" ? "replace" : "append";
      turn.state.step = { kind: "writing", sectionKey: key, mode, buffer: [] };
      turn.say(mode === "replace" ? turn.t.reviseIntro(title) : turn.t.appendIntro(title));
      if (step.pending) addToAnswer(turn, step.pending);
      return;
    }
    case "next":
      return nextSection(turn, key);
    case "later":
      turn.state.step = { kind: "idle" };
      return turn.say(turn.t.savedLater);
  }
  turn.say(turn.t.staleChoice);
}

function restore(turn: Turn, revisionId: string): void {
  const step = turn.state.step;
  const rev = turn.ctx.revisions?.find((r) => r.id === revisionId);
  if (step.kind !== "history" || !rev) {
    turn.say(turn.t.staleChoice);
    return resumePrompt(turn);
  }
  restoreText(turn, step.sectionKey, rev.text);
  turn.state.returnTo = undefined;
  turn.state.step = { kind: "reviewed", sectionKey: step.sectionKey };
  turn.say(turn.t.restored(turn.section(step.sectionKey)!.title[turn.locale]), sectionChoices(turn));
}

function freeText(turn: Turn, text: string, hint?: MessageKind): void {
  const step = turn.state.step;
  switch (step.kind) {
    case "writing":
      return writeOrDigress(turn, step, text, hint);
    case "newProposal":
      return answerField(turn, step, { text });
    case "reviewed":
      if (answerDigression(turn, hint ?? classifyMessage(text), text)) return;
      // Text after a review is kept, and the user says whether it replaces or adds.
      turn.state.step = { ...step, pending: step.pending ? `${step.pending}\n\n${text}` : text };
      return turn.say(turn.t.pendingAsk, [
        ...sectionChoices(turn).slice(0, 2),
        { id: "later", label: turn.t.btnLater },
      ]);
    case "chooseSection":
      turn.say(turn.t.pickOne);
      return listSections(turn);
    default:
      if (!turn.state.welcomed) return start(turn);
      if (!turn.proposal()) return needProposal(turn);
      turn.missed = true;
      return turn.say(turn.t.menuHint);
  }
}
