import { checkProposal } from "../completeness/checkProposal.ts";
import { countWords } from "../completeness/countWords.ts";
import { uploadTexts } from "../i18n/uploadTexts.ts";
import type { Choice, RichText } from "../messages.ts";
import { renderFocus } from "../scoring/renderFocus.ts";
import { scoreFocus } from "../scoring/scoreFocus.ts";
import type { Step } from "./dialogueState.ts";
import { askField } from "./proposalFlow.ts";
import { renderProposalCheck, renderSectionCheck } from "./renderCheck.ts";
import { criteriaLine, renderUploadBlock } from "./renderUpload.ts";
import type { Turn } from "./Turn.ts";
import { uploadItems } from "./uploadFlow.ts";

/** Choices shown after a section has text: revise, add, next, later. */
export function sectionChoices(turn: Turn): Choice[] {
  const t = turn.t;
  return [
    { id: "revise", label: t.btnRevise },
    { id: "append", label: t.btnAppend },
    { id: "next", label: t.btnNext },
    { id: "later", label: t.btnLater },
  ];
}

/** Opens a section: its guiding questions when empty, its current text and choices otherwise. */
export function openSection(turn: Turn, key: string): void {
  const template = turn.template();
  const section = turn.section(key);
  if (!template || !section) return;
  flushBuffer(turn, key);
  const i = template.sections.indexOf(section) + 1;
  const L = turn.locale;
  const t = turn.t;
  turn.state.sectionKey = key;
  turn.state.returnTo = undefined;
  const header = t.sectionHeader(
    i,
    template.sections.length,
    section.title[L],
    section.weight,
    // only the competition's own limits are shown as limits; the guidance appears in the check
    section.officialWords?.min ?? 0,
    section.officialWords?.max,
  );
  const existing = turn.texts[key] ?? "";
  if (existing.trim()) {
    turn.say(
      [{ b: header }, "\n", t.currentText(section.title[L], countWords(existing)), "\n\n", existing],
      sectionChoices(turn),
    );
    turn.state.step = { kind: "reviewed", sectionKey: key };
    return;
  }
  const questions = section.questions.map((q, n) => `${n + 1}. ${q[L]}`).join("\n");
  const criteria = criteriaLine(template, section, L);
  turn.say([
    { b: header },
    "\n",
    section.purpose[L],
    "\n",
    ...(criteria ? [criteria, "\n"] : []),
    t.guidingQuestions,
    "\n",
    questions,
    "\n",
    t.writeInstruction,
  ]);
  turn.state.step = { kind: "writing", sectionKey: key, mode: "replace", buffer: [] };
}

/** Adds one message to the answer being written and reports the running word count. */
export function addToAnswer(turn: Turn, text: string): void {
  const step = turn.state.step;
  if (step.kind !== "writing") return;
  const buffer = [...step.buffer, text];
  turn.state.step = { ...step, buffer };
  const words = countWords(composed(turn, step.sectionKey, step.mode, buffer));
  const max = turn.section(step.sectionKey)?.officialWords?.max;
  turn.say(max && words > max ? turn.t.overMax(words, max) : turn.t.wordsSoFar(words, max));
}

/**
 * Section texts as the user sees them now: the saved texts, with the answer being written (not
 * yet closed with "selesai") in place of its section, so /cek, /lihat and /bagian count it.
 */
export function workingTexts(turn: Turn): Record<string, string> {
  const step = turn.state.step.kind === "writing" ? turn.state.step : turn.state.returnTo;
  if (step?.kind !== "writing" || step.buffer.length === 0) return turn.texts;
  return { ...turn.texts, [step.sectionKey]: composed(turn, step.sectionKey, step.mode, step.buffer) };
}

function composed(turn: Turn, key: string, mode: "replace" | "append", buffer: string[]): string {
  const parts = mode === "append" && turn.texts[key]?.trim() ? [turn.texts[key]!, ...buffer] : buffer;
  return parts.join("\n\n");
}

/** "selesai": saves the answer as a new revision, checks it, and shows the findings. */
export function finishAnswer(turn: Turn): void {
  const step = turn.state.step;
  if (step.kind !== "writing") return;
  if (step.buffer.length === 0) {
    turn.say(turn.t.nothingWritten);
    return;
  }
  const section = turn.section(step.sectionKey)!;
  const check = save(turn, step.sectionKey, composed(turn, step.sectionKey, step.mode, step.buffer), "chat");
  turn.state.step = { kind: "reviewed", sectionKey: step.sectionKey };
  turn.say(
    withFocus(turn, renderSectionCheck(section, check, turn.t, turn.locale), step.sectionKey),
    sectionChoices(turn),
  );
  turn.effect({ kind: "sectionChecked", proposalId: turn.state.proposalId!, sectionKey: step.sectionKey });
}

/**
 * After the judges' scores are released, a check ends with the weak criteria (of this section, or
 * of the whole proposal for /cek) and only what the draft still misses for them.
 */
export function withFocus(turn: Turn, rich: RichText, sectionKey?: string): RichText {
  const template = turn.template();
  const released = turn.ctx.released;
  if (!template || !released) return rich;
  const lines = renderFocus(scoreFocus(template, released, turn.texts), released, template, turn.locale, {
    ...(sectionKey ? { sectionKey, max: 2 } : { max: 3 }),
  });
  return lines.length ? [...rich, "\n\n", lines.join("\n")] : rich;
}

function save(turn: Turn, key: string, text: string, source: "chat" | "restore" | "cancel") {
  const template = turn.template()!;
  const whole = checkProposal(
    template,
    { ...turn.texts, [key]: text },
    { startYear: turn.proposal()?.startYear },
  );
  // the section as checked within its proposal: copies judged by template order, consistency notes added
  const check = whole.sections.find((c) => c.sectionKey === key)!;
  const readiness = whole.readiness;
  turn.effect({
    kind: "saveSection",
    proposalId: turn.state.proposalId!,
    sectionKey: key,
    text,
    mark: check.mark,
    readiness,
    source,
  });
  return check;
}

/** Saves a restored revision's text as the section's newest version. */
export function restoreText(turn: Turn, key: string, text: string): void {
  save(turn, key, text, "restore");
}

/**
 * Leaving a half-written answer (jumping elsewhere, /batal, switching proposal) keeps it: what the
 * bot acknowledged with a word count is saved as a draft, never dropped. Returns true if saved.
 */
export function flushBuffer(turn: Turn, exceptKey?: string): boolean {
  for (const step of [turn.state.step, turn.state.returnTo]) {
    if (step?.kind !== "writing" || step.buffer.length === 0 || step.sectionKey === exceptKey) continue;
    const check = save(
      turn,
      step.sectionKey,
      composed(turn, step.sectionKey, step.mode, step.buffer),
      "cancel",
    );
    step.buffer = [];
    // Leaving a section is when its writer needs the check most: what it still misses.
    const section = turn.section(step.sectionKey);
    if (section)
      turn.say(withFocus(turn, renderSectionCheck(section, check, turn.t, turn.locale), step.sectionKey));
    turn.effect({ kind: "sectionChecked", proposalId: turn.state.proposalId!, sectionKey: step.sectionKey });
    return true;
  }
  return false;
}

/** Moves to the next section in template order, or checks the whole proposal after the last. */
export function nextSection(turn: Turn, fromKey: string): void {
  const sections = turn.template()?.sections ?? [];
  const i = sections.findIndex((s) => s.key === fromKey);
  const next = sections[i + 1];
  if (next) return openSection(turn, next.key);
  turn.say(turn.t.lastSectionDone);
  showProposalCheck(turn);
  turn.state.step = { kind: "idle" };
}

export function showProposalCheck(turn: Turn): void {
  const template = turn.template();
  const p = turn.proposal();
  if (!template || !p) return;
  const check = checkProposal(template, workingTexts(turn), { startYear: p.startYear });
  const out = withFocus(turn, renderProposalCheck(template, check, p.code, turn.t, turn.locale));
  const items = uploadItems(turn);
  // The checklist's facts are loaded for /cek only; after the last section, point to /siap.
  if (items) out.push("\n\n", ...renderUploadBlock(template, items, turn.locale, turn.ctx.timezone));
  else out.push("\n\n", uploadTexts(turn.locale).siapHint);
  turn.say(out);
  turn.effect({ kind: "proposalChecked", proposalId: p.id });
}

/** After a digression (/lihat, /cek, /bantuan…), tells the user where they are again. */
export function resumePrompt(turn: Turn, step: Step = turn.state.step): void {
  const t = turn.t;
  switch (step.kind) {
    case "writing": {
      const title = turn.section(step.sectionKey)?.title[turn.locale] ?? step.sectionKey;
      turn.say(t.resume(title, countWords(composed(turn, step.sectionKey, step.mode, step.buffer))));
      return;
    }
    case "newProposal":
      return askField(turn, step);
    case "reviewed": {
      const title = turn.section(step.sectionKey)?.title[turn.locale] ?? step.sectionKey;
      turn.say(t.resumeReviewed(title), sectionChoices(turn));
      return;
    }
    default:
      return;
  }
}
