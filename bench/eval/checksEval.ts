import { checkProposal } from "../../src/core/completeness/checkProposal.ts";
import { checkSection } from "../../src/core/completeness/checkSection.ts";
import type { Template } from "../../src/core/templates/templateSchema.ts";
import type { LabelledAnswer, LabelledProposal } from "./corpus.ts";

/** Confusion counts of one binary decision. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface ChecksFigures {
  answers: number;
  /** template → element key → counts (element present = positive). */
  perElement: Map<string, Map<string, Counts>>;
  /** Every element decision together. */
  elements: Counts;
  /** The same without the labels the corpus marks as judgement calls. */
  elementsUnjudged: Counts;
  /** Share of truly missing elements shown as missing. */
  missingFlagged: number;
  goodComplete: number;
  badComplete: number;
  goodCount: number;
  badCount: number;
  throwaway: Counts;
  /** rule → counts over proposals.jsonl (rule fires = positive). */
  rules: Map<string, Counts>;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function add(c: Counts, predicted: boolean, truth: boolean) {
  if (predicted && truth) c.tp++;
  else if (predicted) c.fp++;
  else if (truth) c.fn++;
  else c.tn++;
}
export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1 = (c: Counts) => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/**
 * Runs the rule checks over the labelled corpus. Answers sharing a proposal id are checked
 * with each other's texts as their other sections, as `klinik check --jsonl` does.
 */
export function evaluateChecks(
  templates: Map<string, Template>,
  answers: LabelledAnswer[],
  proposals: LabelledProposal[],
): ChecksFigures {
  const perElement = new Map<string, Map<string, Counts>>();
  const elements = zero();
  const elementsUnjudged = zero();
  const throwaway = zero();
  let good = 0;
  let goodOk = 0;
  let bad = 0;
  let badOk = 0;
  const groups = new Map<string, Record<string, string>>();
  for (const a of answers)
    if (a.proposal) groups.set(a.proposal, { ...groups.get(a.proposal), [a.section]: a.text });
  for (const a of answers) {
    const t = templates.get(a.template);
    const section = t?.sections.find((s) => s.key === a.section);
    if (!t || !section) continue;
    const others = a.proposal ? (groups.get(a.proposal) ?? {}) : {};
    const check = checkSection(
      section,
      a.text,
      others,
      t.sections.map((s) => s.key),
    );
    const byTemplate = perElement.get(a.template) ?? new Map<string, Counts>();
    perElement.set(a.template, byTemplate);
    for (const e of check.elements) {
      const truth = a.elements[e.key];
      if (truth === undefined) continue;
      const c = byTemplate.get(`${a.section}.${e.key}`) ?? zero();
      byTemplate.set(`${a.section}.${e.key}`, c);
      add(c, e.present, truth);
      add(elements, e.present, truth);
      if (!a.judged.includes(e.key)) add(elementsUnjudged, e.present, truth);
    }
    add(throwaway, check.throwaway !== undefined, a.throwaway);
    if (a.complete) {
      good++;
      if (check.mark === "complete") goodOk++;
    } else {
      bad++;
      if (check.mark === "complete") badOk++;
    }
  }
  const rules = new Map<string, Counts>();
  for (const p of proposals) {
    const t = templates.get(p.template);
    if (!t) continue;
    // the baseline (before consistency rules existed) has no `consistency`: nothing fires
    const findings = checkProposal(t, p.sections, { startYear: p.startYear }).consistency ?? [];
    for (const e of p.expect) {
      const c = rules.get(e.rule) ?? zero();
      rules.set(e.rule, c);
      const fired = findings.some(
        (f) => f.warning.kind === e.rule && (e.sectionKey === undefined || f.sectionKey === e.sectionKey),
      );
      add(c, fired, e.fires);
    }
  }
  return {
    answers: answers.length,
    perElement,
    elements,
    elementsUnjudged,
    missingFlagged: elements.tn + elements.fp === 0 ? 1 : elements.tn / (elements.tn + elements.fp),
    goodComplete: good === 0 ? 1 : goodOk / good,
    badComplete: bad === 0 ? 0 : badOk / bad,
    goodCount: good,
    badCount: bad,
    throwaway,
    rules,
  };
}
