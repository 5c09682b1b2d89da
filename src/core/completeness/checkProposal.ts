import {
  type ConsistencyFinding,
  checkConsistency,
  type Registration,
} from "../consistency/checkConsistency.ts";
import type { Template } from "../templates/templateSchema.ts";
import { checkSection, type ElementFinding, type Mark, type SectionCheck } from "./checkSection.ts";

/** A section worth fixing next, with what it is missing and the score share it would recover. */
export interface Fix {
  sectionKey: string;
  weight: number;
  mark: Mark;
  missing: ElementFinding[];
  /** weight × (1 − fulfilment): the readiness points this fix would add. */
  gain: number;
}

/** The rule check of a whole proposal against its template. */
export interface ProposalCheck {
  /** In template order. */
  sections: SectionCheck[];
  /** 0..100 integer: Σ weight × fulfilment over sections; 100 only when every weighted section is complete. */
  readiness: number;
  /** Per criterion: the marks of the sections that evidence it and their mean fulfilment. */
  grid: {
    criterionKey: string;
    weight: number;
    sections: { sectionKey: string; mark: Mark }[];
    fulfilment: number;
  }[];
  /** At most 3 sections that are not complete, highest gain first (template order on ties). */
  topFixes: Fix[];
  /** Cross-section findings; each is also among its section's warnings. */
  consistency: ConsistencyFinding[];
}

const MAX_FIXES = 3;

/**
 * Checks every section of a proposal (texts: section key → text; missing keys are empty), then
 * the rules across sections. Consistency findings are notes: they never lower readiness.
 */
export function checkProposal(
  template: Template,
  texts: Record<string, string>,
  registration: Registration = {},
): ProposalCheck {
  const order = template.sections.map((s) => s.key);
  const sections = template.sections.map((s) => checkSection(s, texts[s.key] ?? "", texts, order));
  const consistency = checkConsistency(template, texts, registration);
  for (const f of consistency) sections.find((c) => c.sectionKey === f.sectionKey)?.warnings.push(f.warning);
  const byKey = new Map(sections.map((c) => [c.sectionKey, c]));
  const weighted = template.sections.reduce(
    (sum, s, i) => sum + s.weight * (sections[i]?.fulfilment ?? 0),
    0,
  );
  // floor, not round: "100%" must mean every weighted section is really complete
  const readiness = Math.min(100, Math.max(0, Math.floor(weighted + 1e-9)));

  const grid = template.criteria.map((c) => {
    const checks = c.sections.map((k) => byKey.get(k)).filter((x): x is SectionCheck => x !== undefined);
    return {
      criterionKey: c.key,
      weight: c.weight,
      sections: checks.map((x) => ({ sectionKey: x.sectionKey, mark: x.mark })),
      fulfilment: checks.length ? checks.reduce((s, x) => s + x.fulfilment, 0) / checks.length : 0,
    };
  });

  const topFixes = template.sections
    .map((s, i) => ({ s, i, check: sections[i]! }))
    .filter(({ check }) => check.mark !== "complete")
    .map(({ s, i, check }) => ({
      order: i,
      fix: {
        sectionKey: s.key,
        weight: s.weight,
        mark: check.mark,
        missing: check.elements.filter((e) => !e.present),
        gain: s.weight * (1 - check.fulfilment),
      } satisfies Fix,
    }))
    .sort((a, b) => b.fix.gain - a.fix.gain || a.order - b.order)
    .slice(0, MAX_FIXES)
    .map((x) => x.fix);

  return { sections, readiness, grid, topFixes, consistency };
}
