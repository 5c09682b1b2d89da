import { normalizeTitle } from "../attachments/normalizeTitle.ts";
import { formatDate } from "../i18n/dialogueTexts.ts";
import type { Choice } from "../messages.ts";
import type { Step } from "./dialogueState.ts";
import { flushBuffer, openSection, resumePrompt } from "./sectionFlow.ts";
import type { Turn } from "./Turn.ts";

type NewStep = Extract<Step, { kind: "newProposal" }>;

/** Greeting or /mulai: welcome, privacy note once, the open competition and what to do next. */
export function start(turn: Turn): void {
  const t = turn.t;
  const open = turn.ctx.competitions.filter((c) => c.isOpen);
  const inProgress = turn.state.step.kind !== "idle" && turn.state.welcomed;
  if (inProgress) {
    turn.say(t.welcomeBack);
    return resumePrompt(turn);
  }
  turn.say(
    turn.state.welcomed
      ? t.welcome(turn.ctx.contactName)
      : `${t.welcome(turn.ctx.contactName)}\n${t.privacy}`,
  );
  turn.state.welcomed = true;
  const choices: Choice[] = [];
  if (open.length > 0) choices.push({ id: "new", label: t.btnNew });
  if (turn.ctx.proposals.length > 0) choices.push({ id: "continue", label: t.btnContinue });
  const info =
    open.length === 0
      ? t.noCompetition
      : open
          .map((c) =>
            t.openCompetition(
              c.name,
              c.deadline ? formatDate(c.deadline, turn.locale, turn.ctx.timezone) : undefined,
            ),
          )
          .join("\n");
  turn.say(info, choices);
  turn.state.step = { kind: "idle" };
}

export function beginNewProposal(turn: Turn): void {
  const open = turn.ctx.competitions.filter((c) => c.isOpen);
  flushBuffer(turn);
  if (open.length === 0) return turn.say(turn.t.noCompetition);
  if (open.length > 1) {
    turn.state.step = { kind: "chooseCompetition" };
    turn.say(
      turn.t.chooseCompetition,
      open.map((c) => ({ id: `comp:${c.id}`, label: c.name })),
    );
    return;
  }
  askField(turn, { kind: "newProposal", field: "unit", draft: { competitionId: open[0]!.id } });
}

export function chooseCompetition(turn: Turn, competitionId: string): void {
  if (!turn.competition(competitionId)?.isOpen) return turn.say(turn.t.staleChoice);
  askField(turn, { kind: "newProposal", field: "unit", draft: { competitionId } });
}

/** Asks the question of the new-proposal step again (after a digression or a restart). */
export function askField(turn: Turn, step: NewStep): void {
  const t = turn.t;
  const template = turn.competition(step.draft.competitionId)!.template;
  const L = turn.locale;
  // Group and category are asked only when the template offers a real choice.
  if (step.field === "group" && template.groups.length === 1) {
    return askField(turn, {
      ...step,
      field: "category",
      draft: { ...step.draft, group: template.groups[0]!.key },
    });
  }
  if (step.field === "category" && template.categories.length === 0) {
    return askField(turn, { ...step, field: "title", draft: { ...step.draft, category: "" } });
  }
  turn.state.step = step;
  switch (step.field) {
    case "unit":
      return turn.say(t.askUnit);
    case "instansi":
      return turn.say(t.askInstansi, [{ id: "skip", label: t.btnSkip }]);
    case "group":
      return turn.say(
        t.askGroup,
        template.groups.map((g) => ({ id: `grp:${g.key}`, label: g.name[L] })),
      );
    case "category":
      return turn.say(t.askCategory, [
        ...template.categories.map((c) => ({ id: `cat:${c.key}`, label: c.name[L] })),
        { id: "skip", label: t.btnSkip },
      ]);
    case "title":
      return turn.say(t.askTitle);
    case "startYear":
      return turn.say(t.askStartYear);
  }
}

/** One answer (typed text or a choice) to the question the new-proposal step is asking. */
export function answerField(turn: Turn, step: NewStep, input: { text?: string; choice?: string }): void {
  const t = turn.t;
  const template = turn.competition(step.draft.competitionId)?.template;
  if (!template) return turn.say(t.staleChoice);
  const text = input.text?.trim() ?? "";
  const d = step.draft;
  const plain = () => {
    if (text.length < 2 || text.length > 200) {
      turn.say(t.emptyAnswer);
      askField(turn, step);
      return undefined;
    }
    return text.replace(/\s+/g, " ");
  };
  switch (step.field) {
    case "unit": {
      const v = plain();
      if (v) askField(turn, { ...step, field: "instansi", draft: { ...d, unit: v } });
      return;
    }
    case "instansi": {
      const v = input.choice === "skip" ? "" : plain();
      if (v !== undefined) askField(turn, { ...step, field: "group", draft: { ...d, instansi: v } });
      return;
    }
    case "group": {
      const key = input.choice?.startsWith("grp:") ? input.choice.slice(4) : undefined;
      if (!key || !template.groups.some((g) => g.key === key)) {
        if (text) turn.say(t.pickOne);
        return askField(turn, step);
      }
      return askField(turn, { ...step, field: "category", draft: { ...d, group: key } });
    }
    case "category": {
      const key = input.choice?.startsWith("cat:")
        ? input.choice.slice(4)
        : input.choice === "skip"
          ? ""
          : undefined;
      if (key === undefined) {
        if (text) turn.say(t.pickOne);
        return askField(turn, step);
      }
      return askField(turn, { ...step, field: "title", draft: { ...d, category: key } });
    }
    case "title": {
      const v = plain();
      if (!v) return;
      const same = turn.ctx.proposals.some((p) => normalizeTitle(p.title) === normalizeTitle(v));
      if (same) turn.say(t.duplicateTitle);
      return askField(turn, { ...step, field: "startYear", draft: { ...d, title: v } });
    }
    case "startYear":
      return finishNewProposal(turn, step, text);
  }
}

function finishNewProposal(turn: Turn, step: NewStep, text: string): void {
  const t = turn.t;
  const yearOf = (d: Date) =>
    Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: turn.ctx.timezone }).format(d));
  const nowYear = yearOf(turn.ctx.now);
  const m = /^(?:tahun\s+|year\s+)?(\d{4})$/i.exec(text);
  const year = m ? Number(m[1]) : Number.NaN;
  if (!(year >= 1990 && year <= nowYear)) {
    turn.state.step = step;
    return turn.say(t.badYear(nowYear));
  }
  const comp = turn.competition(step.draft.competitionId)!;
  const d = step.draft;
  const ages = comp.template.eligibility.minInnovationAgeYears;
  const min = ages[d.group ?? ""] ?? ages["*"];
  // The age that counts is the one on the registration deadline, not today's.
  const age = yearOf(comp.deadline ?? turn.ctx.now) - year;
  if (min !== undefined && age < min) turn.say(t.tooYoung(age, min));
  const { proposalId, code } = turn.ctx.fresh;
  turn.effect({
    kind: "createProposal",
    proposalId,
    code,
    competitionId: comp.id,
    unit: d.unit ?? "",
    instansi: d.instansi ?? "",
    group: d.group ?? "",
    category: d.category ?? "",
    title: d.title ?? "",
    startYear: year,
  });
  turn.created = {
    id: proposalId,
    code,
    title: d.title ?? "",
    unitName: d.unit ?? "",
    competitionId: comp.id,
    startYear: year,
  };
  turn.state.proposalId = proposalId;
  for (const k of Object.keys(turn.texts)) delete turn.texts[k];
  const first = comp.template.sections[0]!;
  turn.say(t.created(d.title ?? "", code, comp.template.sections.length, first.title[turn.locale]));
  openSection(turn, first.key);
}
