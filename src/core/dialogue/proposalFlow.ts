import { normalizeTitle } from "../attachments/normalizeTitle.ts";
import { yearIn } from "../i18n/dateFormats.ts";
import { formatDate } from "../i18n/dialogueTexts.ts";
import type { Choice } from "../messages.ts";
import type { RegistrationField } from "../templates/registrationSchema.ts";
import type { Template } from "../templates/templateSchema.ts";
import type { Step } from "./dialogueState.ts";
import { flushBuffer, openSection, resumePrompt } from "./sectionFlow.ts";
import type { Turn } from "./Turn.ts";

type NewStep = Extract<Step, { kind: "newProposal" }>;

/** Greeting or /mulai: welcome, privacy note once, the open competition and what to do next. */
export function start(turn: Turn, opts: { greeting?: boolean } = {}): void {
  const t = turn.t;
  const open = turn.ctx.competitions.filter((c) => c.isOpen);
  const inProgress = turn.state.step.kind !== "idle" && turn.state.welcomed;
  if (inProgress) {
    turn.say(t.welcomeBack);
    return resumePrompt(turn);
  }
  // A greeting after the welcome (the terminal opens with /mulai, then "halo") is greeted
  // back; the welcome itself is said once.
  turn.say(
    opts.greeting && turn.state.welcomed
      ? t.greetBack(turn.ctx.contactName)
      : turn.state.welcomed
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
    return askField(turn, { ...step, field: firstField(template), draft: { ...step.draft, category: "" } });
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
  }
  const field = registrationField(template, step.field);
  turn.state.step = { ...step, field: field.key };
  turn.say(t.askRegistration(field.question[L], field.example[L]));
}

/** One answer (typed text or a choice) to the question the new-proposal step is asking. */
export function answerField(turn: Turn, step: NewStep, input: { text?: string; choice?: string }): void {
  const t = turn.t;
  const template = turn.competition(step.draft.competitionId)?.template;
  if (!template) return turn.say(t.staleChoice);
  const text = input.text?.trim().replace(/\s+/g, " ") ?? "";
  const d = step.draft;
  const again = (problem: string) => {
    turn.say(problem);
    askField(turn, step);
  };
  switch (step.field) {
    case "unit": {
      const problem = nameProblem(text, t.unitProblems);
      if (problem) return again(problem);
      return askField(turn, { ...step, field: "instansi", draft: { ...d, unit: text } });
    }
    case "instansi": {
      if (input.choice === "skip")
        return askField(turn, { ...step, field: "group", draft: { ...d, instansi: "" } });
      const problem = nameProblem(text, t.instansiProblems);
      if (problem) return again(problem);
      return askField(turn, { ...step, field: "group", draft: { ...d, instansi: text } });
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
      return askField(turn, { ...step, field: firstField(template), draft: { ...d, category: key } });
    }
  }
  const field = registrationField(template, step.field);
  const L = turn.locale;
  const label = field.label[L];
  if (field.kind === "year") {
    const year = parseYear(text);
    const max = thisYear(turn);
    if (!(year >= 1990 && year <= max)) return again(t.badYear(label, max));
  } else {
    const problem = nameProblem(text, t.fieldProblems(label, field.example[L]));
    if (problem) return again(problem);
  }
  const answers = { ...answersOf(d), [field.key]: field.kind === "year" ? String(parseYear(text)) : text };
  if (
    field.key === "title" &&
    turn.ctx.proposals.some((p) => normalizeTitle(p.title) === normalizeTitle(text))
  )
    turn.say(t.duplicateTitle);
  const i = template.registration.fields.indexOf(field);
  const next = template.registration.fields[i + 1];
  const draft = { ...d, answers };
  if (next) return askField(turn, { ...step, field: next.key, draft });
  finishNewProposal(turn, { ...step, draft });
}

type NameProblems = { short: string; long: string; digits: string };

/** Why a typed name is not usable (too short, too long, no letters), or undefined when it is. */
function nameProblem(text: string, p: NameProblems): string | undefined {
  if (text.length > 200) return p.long;
  if (!/\p{L}/u.test(text)) return text.length === 0 ? p.short : p.digits;
  if (text.replace(/[^\p{L}\p{N}]/gu, "").length < 3) return p.short;
  return undefined;
}

function firstField(template: Template): string {
  return template.registration.fields[0]!.key;
}

/** The registration field a step asks; the first version's "title"/"startYear" steps map to KIPP's fields. */
function registrationField(template: Template, key: string): RegistrationField {
  const fields = template.registration.fields;
  const want = key === "startYear" ? template.registration.startYear : key;
  return fields.find((f) => f.key === want) ?? fields[0]!;
}

function answersOf(d: NewStep["draft"]): Record<string, string> {
  return { ...(d.title ? { title: d.title } : {}), ...d.answers };
}

function parseYear(text: string): number {
  const m = /^(?:tahun\s+|year\s+)?(\d{4})$/i.exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

function thisYear(turn: Turn, at: Date = turn.ctx.now): number {
  return yearIn(at, turn.ctx.timezone);
}

function finishNewProposal(turn: Turn, step: NewStep): void {
  const t = turn.t;
  const comp = turn.competition(step.draft.competitionId)!;
  const d = step.draft;
  const answers = answersOf(d);
  const reg = comp.template.registration;
  const title = reg.title.replace(/\{([^}]*)\}/g, (_, k: string) => answers[k] ?? "").trim();
  const year = reg.startYear ? Number(answers[reg.startYear]) : Number.NaN;
  const startYear = Number.isFinite(year) ? year : null;
  if (startYear !== null) {
    const ages = comp.template.eligibility.minInnovationAgeYears;
    const min = ages[d.group ?? ""] ?? ages["*"];
    // The age that counts is the one on the registration deadline, not today's.
    const age = thisYear(turn, comp.deadline ?? turn.ctx.now) - startYear;
    if (min !== undefined && age < min) turn.say(t.tooYoung(age, min));
  }
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
    title,
    startYear,
  });
  turn.created = {
    id: proposalId,
    code,
    title,
    unitName: d.unit ?? "",
    competitionId: comp.id,
    startYear,
  };
  turn.state.proposalId = proposalId;
  for (const k of Object.keys(turn.texts)) delete turn.texts[k];
  const first = comp.template.sections[0]!;
  turn.say(t.created(title, code, comp.template.sections.length, first.title[turn.locale]));
  openSection(turn, first.key);
}
