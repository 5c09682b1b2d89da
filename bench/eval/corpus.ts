import { existsSync } from "node:fs";
import { CORPUS_DIR, loadCorpusAnswers, loadCorpusProposals } from "../../tests/helpers/loadCorpus.ts";

/** One labelled answer, as the eval needs it. */
export interface LabelledAnswer {
  id: string;
  template: string;
  section: string;
  text: string;
  /** element key → present (as a reviewer reads it). */
  elements: Record<string, boolean>;
  complete: boolean;
  throwaway: boolean;
  /** Element keys (or "complete", "throwaway", "language") a second reviewer could label differently. */
  judged: string[];
  proposal?: string;
}

/** One expectation about a cross-section rule: fires (or not), in one section or anywhere. */
export interface RuleExpectation {
  rule: string;
  sectionKey?: string;
  fires: boolean;
}

export interface LabelledProposal {
  id: string;
  template: string;
  startYear?: number;
  sections: Record<string, string>;
  expect: RuleExpectation[];
}

/** Every labelled answer of tests/fixtures/corpus (schemas in tests/helpers/loadCorpus.ts). */
export function loadAnswers(dir = CORPUS_DIR): LabelledAnswer[] {
  if (!existsSync(dir)) return [];
  return [...loadCorpusAnswers(dir).values()].flat().map((a) => ({
    id: a.id,
    template: a.template,
    section: a.section,
    text: a.text,
    elements: a.elements,
    complete: a.complete,
    throwaway: a.throwaway !== false,
    judged: a.judgement.map((j) => j.slice(0, j.indexOf(":"))),
  }));
}

/** proposals.jsonl, its consistency labels turned into rule expectations. */
export function loadProposals(dir = CORPUS_DIR): LabelledProposal[] {
  if (!existsSync(`${dir}/proposals.jsonl`)) return [];
  return loadCorpusProposals(dir).map((p) => ({
    id: p.id,
    template: p.template,
    startYear: p.registration.startYear,
    sections: p.sections,
    expect: [
      { rule: "consistency_problem_figure", fires: !p.consistency.problem_figure_reappears },
      { rule: "consistency_goal_measured", fires: !p.consistency.goal_measured },
      { rule: "consistency_start_year", fires: !p.consistency.start_year_agrees },
      { rule: "consistency_summary_figure", fires: !p.consistency.ringkasan_figures_in_body },
      ...Object.keys(p.sections).map((k) => ({
        rule: "consistency_pasted",
        sectionKey: k,
        fires: p.consistency.pasted_paragraph_sections.includes(k),
      })),
    ],
  }));
}
