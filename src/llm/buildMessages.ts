import type { Locale } from "../core/i18n/locale.ts";
import type { Section } from "../core/templates/sectionSchema.ts";
import type { Template } from "../core/templates/templateSchema.ts";
import { type DraftMarkers, wrapDraft } from "./draftDelimiter.ts";
import type { Prompts } from "./loadPrompts.ts";

/**
 * System prompts are filled only with trusted data (the validated template, rule-check results,
 * the markers); the writer's text goes into the user message, delimited. Prompt wording is English
 * (models follow it best); the prompt asks for answers in the writer's language.
 */
export interface ChatMessages {
  system: string;
  user: string;
}

const LANGUAGE: Record<Locale, string> = {
  id: "Bahasa Indonesia (formal and polite, address the writer as Bapak/Ibu)",
  en: "English",
};

/** A criterion the section is assessed against: a template criterion, or the section itself. */
export interface ExpectedCriterion {
  key: string;
  line: string;
}

/** Criteria whose `sections` include the section; when none does, one pseudo-criterion: the section. */
export function expectedCriteria(template: Template, section: Section, locale: Locale): ExpectedCriterion[] {
  const found = template.criteria
    .filter((c) => c.sections.includes(section.key))
    .map((c) => ({ key: c.key, line: `- ${c.key}: ${c.name[locale]} (criterion weight ${c.weight}%)` }));
  if (found.length > 0) return found;
  return [{ key: section.key, line: `- ${section.key}: ${section.title[locale]} (the section as a whole)` }];
}

export function sectionFeedbackMessages(
  prompts: Prompts,
  args: {
    locale: Locale;
    template: Template;
    section: Section;
    criteria: ExpectedCriterion[];
    text: string;
    ruleFindings: { key: string; present: boolean }[];
    markers: DraftMarkers;
  },
): ChatMessages {
  const { locale, template, section, markers } = args;
  // only an official limit is a rule; the coaching range is guidance and is said to be one
  const official = section.officialWords;
  const limits = [
    official?.min !== undefined ? `official minimum ${official.min} words` : "",
    official?.max !== undefined ? `official maximum ${official.max} words` : "",
    section.minWords > 0 || section.maxWords !== undefined
      ? `guidance (not a rule, never a reason to call it incomplete) ${section.minWords}–${section.maxWords ?? "…"} words`
      : "",
  ].filter(Boolean);
  const findings = args.ruleFindings.map((f) => {
    const label = section.elements.find((e) => e.key === f.key)?.label[locale] ?? f.key;
    return `- ${f.present ? "present" : "missing"}: ${label}`;
  });
  return {
    system: prompts.sectionFeedback.render({
      language: LANGUAGE[locale],
      competition_name: template.name[locale],
      section_title: section.title[locale],
      section_weight: String(section.weight),
      section_limits: limits.length > 0 ? limits.join(", ") : "no word limit",
      section_purpose: section.purpose[locale],
      section_questions: section.questions.map((q, i) => `${i + 1}. ${q[locale]}`).join("\n"),
      criteria: args.criteria.map((c) => c.line).join("\n"),
      rule_findings: findings.length > 0 ? findings.join("\n") : "- (no rule checks for this section)",
      begin_marker: markers.begin(),
      end_marker: markers.end(),
    }),
    user: wrapDraft(args.text, markers),
  };
}

/** The section whose text should summarise the rest (KIPP: ringkasan); the first one otherwise. */
export function summarySection(template: Template): Section {
  const isSummary = (s: Section) => /ringkasan|summary/i.test([s.key, ...s.aliases].join(" "));
  return (
    template.sections.find((s) => s.key === "ringkasan") ??
    template.sections.find(isSummary) ??
    template.sections[0]!
  );
}

export function proposalReviewMessages(
  prompts: Prompts,
  args: { locale: Locale; template: Template; texts: Record<string, string>; markers: DraftMarkers },
): ChatMessages {
  const { locale, template, markers } = args;
  const filled = template.sections.filter((s) => (args.texts[s.key] ?? "").trim() !== "");
  const summary = summarySection(template);
  return {
    system: prompts.proposalReview.render({
      language: LANGUAGE[locale],
      competition_name: template.name[locale],
      sections: template.sections
        .map(
          (s) =>
            `- ${s.key}: ${s.title[locale]} (weight ${s.weight}%)${filled.includes(s) ? "" : " — no text yet"}`,
        )
        .join("\n"),
      summary_section: `${summary.key} (${summary.title[locale]})`,
      begin_marker: markers.begin("<section_key>"),
      end_marker: markers.end("<section_key>"),
    }),
    user: filled.map((s) => wrapDraft(args.texts[s.key]!, markers, s.key)).join("\n\n"),
  };
}

export function intentMessages(
  prompts: Prompts,
  args: { locale: Locale; text: string; markers: DraftMarkers },
): ChatMessages {
  return {
    system: prompts.intent.render({
      language: LANGUAGE[args.locale],
      begin_marker: args.markers.begin(),
      end_marker: args.markers.end(),
    }),
    user: wrapDraft(args.text, args.markers),
  };
}
