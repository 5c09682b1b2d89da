import { COMMANDS, type CommandSpec } from "../commands/registry.ts";
import { renderHelp } from "../commands/renderHelp.ts";
import { checkProposal } from "../completeness/checkProposal.ts";
import { countWords } from "../completeness/countWords.ts";
import { dateFormat } from "../i18n/dateFormats.ts";
import { formatDate } from "../i18n/dialogueTexts.ts";
import type { Locale } from "../i18n/locale.ts";
import { uploadTexts } from "../i18n/uploadTexts.ts";
import { beginNewProposal, start } from "./proposalFlow.ts";
import { MARK_ICON } from "./renderCheck.ts";
import { attachmentLines } from "./renderUpload.ts";
import { flushBuffer, resumePrompt, showProposalCheck, workingTexts } from "./sectionFlow.ts";
import type { Turn } from "./Turn.ts";
import { setVideo, showUploadReadiness } from "./uploadFlow.ts";

/** Commands the coaching engine handles (registry owner "dialogue"); the app answers the others. */
export const ENGINE_COMMANDS: ReadonlySet<string> = new Set(
  (COMMANDS as readonly CommandSpec[]).filter((c) => c.owner === "dialogue").map((c) => c.name),
);

export function runCommand(turn: Turn, name: string, arg: string): void {
  switch (name) {
    case "mulai":
      return start(turn);
    case "bantuan":
      turn.say(renderHelp(turn.locale, turn.ctx.role ?? "participant"));
      return resumePrompt(turn);
    case "batal":
      return cancel(turn);
    case "bahasa":
      return language(turn, arg);
    case "proposal":
      return listProposals(turn);
  }
  if (!ENGINE_COMMANDS.has(name)) {
    turn.say(turn.t.unknownCommand(`/${name}`));
    turn.missed = true;
    return resumePrompt(turn);
  }
  if (!turn.proposal()) return needProposal(turn);
  switch (name) {
    case "bagian":
      return listSections(turn);
    case "cek":
      showProposalCheck(turn);
      return resumePrompt(turn);
    case "siap":
      showUploadReadiness(turn);
      return resumePrompt(turn);
    case "video":
      setVideo(turn, arg);
      return resumePrompt(turn);
    case "lihat":
      return view(turn);
    case "ubah":
      return rewrite(turn);
    case "riwayat":
      return history(turn);
  }
}

export function needProposal(turn: Turn): void {
  const t = turn.t;
  const choices = turn.ctx.proposals.map((p) => ({ id: `prop:${p.id}`, label: `${p.title} (${p.code})` }));
  if (turn.ctx.competitions.some((c) => c.isOpen)) choices.push({ id: "new", label: t.btnNew });
  turn.say(t.needProposal, choices);
}

function cancel(turn: Turn): void {
  const step = turn.state.step.kind === "writing" ? turn.state.step : undefined;
  const saved = flushBuffer(turn);
  turn.state.step = { kind: "idle" };
  turn.state.returnTo = undefined;
  const title = step ? (turn.section(step.sectionKey)?.title[turn.locale] ?? step.sectionKey) : "";
  turn.say(saved ? turn.t.cancelledSaved(title) : turn.t.cancelled);
}

function language(turn: Turn, arg: string): void {
  const want = arg.toLowerCase().slice(0, 2);
  if (want === "id" || want === "en") return setLanguage(turn, want);
  turn.state.returnTo = turn.state.returnTo ?? turn.state.step;
  turn.state.step = { kind: "chooseLocale" };
  turn.say(turn.t.chooseLocale, [
    { id: "lang:id", label: "Bahasa Indonesia" },
    { id: "lang:en", label: "English" },
  ]);
}

export function setLanguage(turn: Turn, locale: Locale): void {
  turn.effect({ kind: "setLocale", locale });
  turn.say(turn.t.localeSet);
  goBack(turn);
}

/** Ends a digression: back to the step the user was in before it. */
export function goBack(turn: Turn): void {
  if (
    turn.state.step.kind === "chooseSection" ||
    turn.state.step.kind === "chooseProposal" ||
    turn.state.step.kind === "history" ||
    turn.state.step.kind === "chooseLocale"
  ) {
    turn.state.step = turn.state.returnTo ?? { kind: "idle" };
  }
  turn.state.returnTo = undefined;
  resumePrompt(turn);
}

function listProposals(turn: Turn): void {
  const t = turn.t;
  const choices = turn.ctx.proposals.map((p) => ({
    id: `prop:${p.id}`,
    label: `${p.id === turn.state.proposalId ? "▶ " : ""}${p.title} · ${p.unitName} (${p.code})`,
  }));
  if (turn.ctx.competitions.some((c) => c.isOpen)) choices.push({ id: "new", label: t.btnNew });
  if (turn.state.step.kind !== "chooseProposal") turn.state.returnTo = turn.state.step;
  turn.state.step = { kind: "chooseProposal" };
  turn.say(turn.ctx.proposals.length ? t.proposalsHeader : t.needProposal, choices);
}

export function switchProposal(turn: Turn, proposalId: string): void {
  const p = turn.ctx.proposals.find((x) => x.id === proposalId);
  if (!p) return turn.say(turn.t.staleChoice);
  if (p.id !== turn.state.proposalId) {
    flushBuffer(turn);
    turn.state.proposalId = p.id;
    turn.state.sectionKey = undefined;
    turn.state.returnTo = undefined;
    turn.state.step = { kind: "idle" };
    // Texts of the newly chosen proposal arrive with the next turn's context.
    for (const k of Object.keys(turn.texts)) delete turn.texts[k];
    turn.say(turn.t.switched(p.title, p.code));
    turn.say(turn.t.menuHint);
    return;
  }
  turn.say(turn.t.switched(p.title, p.code));
  listSections(turn);
}

export function listSections(turn: Turn): void {
  const template = turn.template()!;
  const p = turn.proposal()!;
  const check = checkProposal(template, workingTexts(turn));
  const L = turn.locale;
  const marks = new Map(check.sections.map((s) => [s.sectionKey, s.mark]));
  const choices = template.sections.map((s) => ({
    id: `sec:${s.key}`,
    label: `${s.title[L]} ${MARK_ICON[marks.get(s.key) ?? "empty"]}`,
  }));
  if (turn.state.step.kind !== "chooseSection") turn.state.returnTo = turn.state.step;
  turn.state.step = { kind: "chooseSection" };
  const back = turn.state.returnTo?.kind === "writing" || turn.state.returnTo?.kind === "reviewed";
  turn.say(
    `${turn.t.sectionsHeader(p.code, check.readiness)}\n${turn.t.chooseSectionHint}`,
    back ? [...choices, { id: "back", label: turn.t.btnBack }] : choices,
  );
}

function currentKey(turn: Turn): string | undefined {
  const s = turn.state.step;
  if (s.kind === "writing" || s.kind === "reviewed" || s.kind === "history") return s.sectionKey;
  return turn.state.sectionKey ?? turn.template()?.sections[0]?.key;
}

function view(turn: Turn): void {
  const key = currentKey(turn)!;
  const section = turn.section(key)!;
  const text = workingTexts(turn)[key] ?? "";
  const title = section.title[turn.locale];
  const files = turn.ctx.upload
    ? attachmentLines(turn.template()!, key, turn.ctx.upload.attachments, uploadTexts(turn.locale))
    : [];
  const annex = files.length ? `\n\n${files.join("\n")}` : "";
  const step = turn.state.step;
  const unsaved = step.kind === "writing" && step.sectionKey === key && step.buffer.length > 0;
  const head = unsaved
    ? turn.t.writingText(title, countWords(text))
    : turn.t.currentText(title, countWords(text));
  // Whether the writers were shown AI advice for this section (the secretariat sees it too).
  const ai = turn.ctx.aiAdvised?.includes(key) ? ["\n", turn.t.aiAdvised] : [];
  if (text.trim()) turn.say([{ b: head }, ...ai, "\n\n", text, annex]);
  else turn.say(`${turn.t.emptySection(title)}${annex}`);
  resumePrompt(turn);
}

function rewrite(turn: Turn): void {
  const key = currentKey(turn)!;
  flushBuffer(turn);
  turn.state.sectionKey = key;
  turn.state.returnTo = undefined;
  turn.state.step = { kind: "writing", sectionKey: key, mode: "replace", buffer: [] };
  turn.say(turn.t.reviseIntro(turn.section(key)!.title[turn.locale]));
}

function history(turn: Turn): void {
  const key = currentKey(turn)!;
  const title = turn.section(key)!.title[turn.locale];
  const revs = turn.ctx.revisions ?? [];
  if (revs.length === 0) {
    turn.say(turn.t.noHistory(title));
    return resumePrompt(turn);
  }
  if (turn.state.step.kind !== "history") turn.state.returnTo = turn.state.step;
  turn.state.step = { kind: "history", sectionKey: key };
  const when = (d: Date) =>
    `${formatDate(d, turn.locale, turn.ctx.timezone)} ${dateFormat("id-ID", { hour: "2-digit", minute: "2-digit", timeZone: turn.ctx.timezone }).format(d)}`;
  const choices = revs.slice(0, 10).map((r) => ({
    id: `rev:${r.id}`,
    // Channels number the choices themselves (terminal, WhatsApp); the label carries no number.
    label: turn.t.revisionLabel(when(r.createdAt), countWords(r.text), preview(r.text)),
  }));
  turn.say(turn.t.historyHeader(title), [...choices, { id: "back", label: turn.t.btnBack }]);
}

function preview(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

export { beginNewProposal };
