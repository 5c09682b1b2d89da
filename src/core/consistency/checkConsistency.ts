import type { SectionWarning } from "../completeness/sectionWarning.ts";
import { inBoth } from "../i18n/catalog.ts";
import { checkTexts } from "../i18n/checkTexts.ts";
import type { Template } from "../templates/templateSchema.ts";
import { goalMeasuredRule } from "./goalMeasuredRule.ts";
import { pastedParagraph } from "./pastedParagraphRule.ts";
import { problemFigureRule } from "./problemFigureRule.ts";
import { sectionRoles } from "./sectionRoles.ts";
import { firstStageYear, registrationLabel, startYearIn, startYearRule } from "./startYearRule.ts";
import { summaryFiguresRule } from "./summaryFiguresRule.ts";

/** A cross-section finding, shown with the section that should change. */
export interface ConsistencyFinding {
  sectionKey: string;
  warning: SectionWarning;
}

/** What the registration said, for the rules that compare it with the text. */
export interface Registration {
  startYear?: number | null;
}

/**
 * The cross-section rules coaching clinics teach first (no LLM): the problem's figure comes back
 * as the "before", the goal is measured, the start year agrees, the summary's figures are in
 * the body, and a paragraph is not pasted into several sections. Rules whose sections are empty
 * stay silent: an unwritten section is reported as empty, not as inconsistent.
 */
export function checkConsistency(
  template: Template,
  texts: Record<string, string>,
  registration: Registration = {},
): ConsistencyFinding[] {
  const roles = sectionRoles(template);
  const text = (key: string | undefined) => (key ? (texts[key] ?? "") : "");
  const title = (key: string) => template.sections.find((s) => s.key === key)!.title;
  const out: ConsistencyFinding[] = [];
  const add = (sectionKey: string, kind: SectionWarning["kind"], w: SectionWarning["text"] | undefined) => {
    if (w) out.push({ sectionKey, warning: { kind, text: w } });
  };

  if (roles.problem && roles.impact && text(roles.problem).trim()) {
    add(
      roles.impact,
      "consistency_problem_figure",
      problemFigureRule(text(roles.problem), text(roles.impact), title(roles.impact)),
    );
    add(
      roles.impact,
      "consistency_goal_measured",
      goalMeasuredRule(text(roles.problem), text(roles.impact), title(roles.impact)),
    );
  }

  const summaryYear = roles.summary ? startYearIn(text(roles.summary)) : undefined;
  const implementationYear = roles.implementation ? firstStageYear(text(roles.implementation)) : undefined;
  const years = [
    { label: registrationLabel(), year: registration.startYear ?? undefined },
    ...(roles.summary ? [{ label: title(roles.summary), year: summaryYear }] : []),
    ...(roles.implementation ? [{ label: title(roles.implementation), year: implementationYear }] : []),
  ];
  const yearWarning = startYearRule(years);
  if (yearWarning) {
    const shownIn = summaryYear !== undefined ? roles.summary : roles.implementation;
    if (shownIn) add(shownIn, "consistency_start_year", yearWarning);
  }

  if (roles.summary && text(roles.summary).trim()) {
    const body = template.sections.filter((s) => s.key !== roles.summary).map((s) => text(s.key));
    add(roles.summary, "consistency_summary_figure", summaryFiguresRule(text(roles.summary), body));
  }

  template.sections.forEach((s, i) => {
    if (!text(s.key).trim()) return;
    const earlier = template.sections.slice(0, i).map((e) => ({ key: e.key, text: text(e.key) }));
    const pasted = pastedParagraph(text(s.key), earlier);
    if (pasted)
      add(
        s.key,
        "consistency_pasted",
        inBoth(checkTexts, (t, l) => t.pasted(title(pasted.otherKey)[l], pasted.quote)),
      );
  });
  return out;
}
