import { checkSection } from "../../core/completeness/checkSection.ts";
import { readState } from "../../core/dialogue/dialogueState.ts";
import { renderSectionCheck } from "../../core/dialogue/renderCheck.ts";
import { adviceTexts } from "../../core/i18n/adviceTexts.ts";
import { dialogueTexts } from "../../core/i18n/dialogueTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import { renderFocus } from "../../core/scoring/renderFocus.ts";
import { scoreFocus } from "../../core/scoring/scoreFocus.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import { latestRound, releasedScores, sectionTexts } from "../../db/queries/coaching.ts";
import { dialogueStateOf } from "../../db/queries/dialogueStates.ts";
import { memberProposal, proposalCompetitionId } from "../../db/queries/proposals.ts";
import type { AiUseLog } from "../../llm/aiUseLog.ts";
import type { LlmCoach } from "../../llm/createLlmCoach.ts";
import { renderSectionFeedback } from "../../llm/renderSectionFeedback.ts";
import type { ProposalReview } from "../../llm/schemas.ts";
import type { CompetitionCache } from "../competitionCache.ts";
import type { LaterMessage, TurnListener } from "../createMessageHandler.ts";
import { Composer, type Middleware } from "../pipeline/Composer.ts";

export interface AdviceDeps {
  db: Db;
  competitions: CompetitionCache;
  /** Absent when no model is configured: then no LLM call is made and AI is never mentioned. */
  coach?: LlmCoach;
  aiLog?: AiUseLog;
  now?: () => Date;
}

/**
 * Coaching advice beyond the rule check: LLM feedback after each checked section and after /cek
 * (as a follow-up message), and /saran on demand (rule-based advice when no model is configured).
 */
export function createAdvice(deps: AdviceDeps): { listener?: TurnListener; routes: Composer } {
  const now = deps.now ?? (() => new Date());

  async function templateOf(proposalId: string) {
    const competitionId = await proposalCompetitionId(deps.db, proposalId);
    if (competitionId === undefined) return undefined;
    const c = (await deps.competitions.all()).find((x) => x.id === competitionId);
    return c ? { template: c.template, competitionId: c.id } : undefined;
  }

  async function sectionAdvice(a: {
    proposalId: string;
    sectionKey: string;
    text: string;
    contactId: string;
    locale: Locale;
    template: Template;
    competitionId: string;
  }) {
    if (!deps.coach) return undefined;
    const section = a.template.sections.find((s) => s.key === a.sectionKey);
    if (!section) return undefined;
    const rule = checkSection(section, a.text);
    const fb = await deps.coach.sectionFeedback({
      locale: a.locale,
      template: a.template,
      sectionKey: a.sectionKey,
      text: a.text,
      ruleFindings: rule.elements.map((e) => ({ key: e.key, present: e.present })),
      contactId: a.contactId,
      competitionId: a.competitionId,
    });
    if (!fb) return undefined;
    const text = renderSectionFeedback(fb, {
      locale: a.locale,
      template: a.template,
      sectionKey: a.sectionKey,
    }).join("\n");
    await deps.aiLog?.record({
      proposalId: a.proposalId,
      sectionKey: a.sectionKey,
      contactId: a.contactId,
      kind: "section_feedback",
      suggestion: text,
      createdAt: now(),
    });
    return text;
  }

  const listener: TurnListener | undefined = deps.coach
    ? async ({ contact, effects }) => {
        const out: LaterMessage[] = [];
        for (const e of effects) {
          if (e.kind === "sectionChecked") {
            const saved = effects.find((x) => x.kind === "saveSection" && x.sectionKey === e.sectionKey);
            const t = await templateOf(e.proposalId);
            if (!t || saved?.kind !== "saveSection") continue;
            const text = await sectionAdvice({
              ...t,
              proposalId: e.proposalId,
              sectionKey: e.sectionKey,
              text: saved.text,
              contactId: contact.id,
              locale: contact.locale,
            });
            const title = t.template.sections.find((s) => s.key === e.sectionKey)?.title[contact.locale];
            if (text)
              out.push({
                text: [text],
                about: adviceTexts(contact.locale).aboutSection(title ?? e.sectionKey),
              });
          }
          if (e.kind === "proposalChecked") {
            const review = await proposalReview(e.proposalId, contact.id, contact.locale);
            if (review) out.push({ text: [review], about: adviceTexts(contact.locale).aboutProposal });
          }
        }
        return out;
      }
    : undefined;

  async function proposalReview(
    proposalId: string,
    contactId: string,
    locale: Locale,
  ): Promise<string | undefined> {
    const t = await templateOf(proposalId);
    if (!t || !deps.coach) return undefined;
    const texts = (await sectionTexts(deps.db, [proposalId])).get(proposalId) ?? {};
    const r = await deps.coach.proposalReview({
      locale,
      template: t.template,
      texts,
      contactId,
      competitionId: t.competitionId,
    });
    if (!r) return undefined;
    const text = renderReview(r, locale);
    await deps.aiLog?.record({
      proposalId,
      contactId,
      kind: "proposal_review",
      suggestion: text,
      createdAt: now(),
    });
    return text;
  }

  const saran: Middleware = async ({ contact }) => {
    const L = contact.locale;
    const stored = await dialogueStateOf(deps.db, contact.id);
    const state = stored !== undefined ? readState(stored).state : undefined;
    const step = state?.step;
    const key = step && "sectionKey" in step ? step.sectionKey : state?.sectionKey;
    const proposalId = state?.proposalId;
    const mine = proposalId ? await memberProposal(deps.db, proposalId, contact.id) : undefined;
    if (!key || !proposalId || !mine) return [{ text: [adviceTexts(L).noSection] }];
    const t = await templateOf(proposalId);
    const section = t?.template.sections.find((s) => s.key === key);
    const { [key]: text, ...others } = (await sectionTexts(deps.db, [proposalId])).get(proposalId) ?? {};
    if (!t || !section || !text?.trim()) return [{ text: [adviceTexts(L).emptySection] }];
    const focus = await scoresFocus(proposalId, key, t.template, L);
    const llm = await sectionAdvice({
      ...t,
      proposalId,
      sectionKey: key,
      text,
      contactId: contact.id,
      locale: L,
    });
    if (llm) return [...focus, { text: [llm] }];
    const check = checkSection(section, text, others);
    return [
      ...focus,
      {
        text: [adviceTexts(L).ruleIntro, "\n", ...renderSectionCheck(section, check, dialogueTexts(L), L)],
      },
    ];
  };

  /** After a release: the weak criteria this section evidences and what its draft still misses. */
  async function scoresFocus(proposalId: string, key: string, template: Template, L: Locale) {
    const released = latestRound(await releasedScores(deps.db, proposalId), template);
    if (!released) return [];
    const texts = (await sectionTexts(deps.db, [proposalId])).get(proposalId) ?? {};
    const lines = renderFocus(scoreFocus(template, released, texts), released, template, L, {
      sectionKey: key,
      max: 2,
    });
    return lines.length ? [{ text: [lines.join("\n")] }] : [];
  }

  return { listener, routes: new Composer().command("saran", saran) };
}

function renderReview(r: ProposalReview, L: Locale): string {
  const mark = { 1: "⬜", 2: "⚠️", 3: "✅" } as const;
  const lines = [
    adviceTexts(L).reviewHeading,
    `${mark[r.consistency.problemStrategyResult]} ${adviceTexts(L).consistency}: ${r.consistency.comment}`,
    `${r.ringkasanMatchesBody ? "✅" : "⚠️"} ${r.ringkasanMatchesBody ? adviceTexts(L).ringkasanMatches : adviceTexts(L).ringkasanDiffers}`,
    r.comment,
  ];
  if (r.topSuggestions.length)
    lines.push(`${adviceTexts(L).suggestions}:`, ...r.topSuggestions.map((s, i) => `${i + 1}. ${s}`));
  return lines.join("\n");
}
