import { readState } from "../../core/dialogue/dialogueState.ts";
import { statusTexts } from "../../core/i18n/statusTexts.ts";
import { detectIntent, type Intent } from "../../core/intent/detectIntent.ts";
import type { Choice, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import { sectionTexts } from "../../db/queries/coaching.ts";
import { dialogueStateOf } from "../../db/queries/dialogueStates.ts";
import { releasesWithResults } from "../../db/queries/scores.ts";
import { type Access, loadAccess } from "../access.ts";
import { Composer } from "../pipeline/Composer.ts";
import type { ContactView } from "../resolveContact.ts";
import { scoreChoices } from "../tickets/scoreFlow.ts";
import { askChoice } from "../tickets/ticketChoices.ts";
import { rememberOffer } from "../tickets/ticketDraft.ts";
import { normalizeCode } from "./competitionData.ts";
import { type ProposalStatus, proposalByCode, proposalsOfContact } from "./loadProposals.ts";
import { resultCommentsSchema, resultCriteriaSchema } from "./releaseScores.ts";
import { type ReleasedResult, renderScores } from "./renderScores.ts";
import { renderStatus } from "./renderStatus.ts";
import { type RouteKit, recordDenied } from "./routeKit.ts";
import { stageDates } from "./stageDates.ts";

// A damaged snapshot shows as "not scored" rather than failing the question.
const criteriaOrNone = resultCriteriaSchema.catch([]);
const commentsOrNone = resultCommentsSchema.catch([]);
const CODE = /\bKP-?(?:[A-Z0-9]{10}|[A-Z0-9]{4})\b/i;

/** Steps where free text is the user's answer (a section, a registration field), never a question. */
const BUSY_STEPS = new Set(["writing", "newProposal"]);

/**
 * /status and /nilai (with an optional proposal code), and the same questions in plain words
 * ("status proposal kami gimana?", "what is our score") unless the user is in the middle of
 * writing. Participants see their units' proposals only; scores only once released.
 */
export function queryRoute(kit: RouteKit): Composer {
  const { db } = kit;

  async function isBusy(contactId: string): Promise<boolean> {
    const state = await dialogueStateOf(db, contactId);
    return state !== undefined ? BUSY_STEPS.has(readState(state).state.step.kind) : false;
  }

  /** The proposals asked about: the one named by code (if visible), else the contact's own. */
  async function target(msg: IncomingMessage, contact: ContactView, code: string | undefined) {
    if (code) {
      const p = await proposalByCode(db, code);
      const access = await loadAccess(db, contact.id);
      if (!p || !(await access.canSeeProposal(p))) {
        await recordDenied(db, contact.id, "proposal", normalizeCode(code) ?? code.slice(0, 20));
        return { refused: normalizeCode(code) ?? code.slice(0, 20) };
      }
      return { proposals: [p] };
    }
    const proposals = await proposalsOfContact(db, contact.id);
    if (proposals.length) return { proposals };
    return { none: await loadAccess(db, contact.id), channel: msg.channel };
  }

  function notLinked(
    contact: ContactView,
    access: Access,
    channel: IncomingMessage["channel"],
  ): OutgoingMessage[] {
    const t = statusTexts(contact.locale);
    if (access.isStaff) return [{ text: [t.staffHint] }];
    if (channel === "telegram")
      return [{ text: [`${t.notLinked}\n${t.notLinkedShare}`], requestContact: true }];
    if (channel === "whatsapp") return [{ text: [`${t.notLinkedWhatsApp} ${t.notLinked}`] }];
    return [{ text: [t.notLinked] }];
  }

  async function status(
    msg: IncomingMessage,
    contact: ContactView,
    proposals: ProposalStatus[],
  ): Promise<OutgoingMessage[]> {
    const parts: string[] = [];
    for (const p of proposals) {
      const template = await kit.templateOf(p.competitionId);
      if (!template) continue;
      const { timeline, timezone } = await kit.timelineOf(p.competitionId);
      parts.push(
        renderStatus(p, {
          template,
          dates: stageDates(template, timeline),
          locale: contact.locale,
          timezone,
          now: kit.clock(),
        }),
      );
    }
    // A question the status does not answer goes to the secretariat as a ticket.
    const choices = [askChoice(contact.locale)];
    await rememberOffer(db, contact.id, msg.channel, choices);
    return [{ text: [parts.join("\n\n")], choices }];
  }

  async function scores(
    msg: IncomingMessage,
    contact: ContactView,
    proposals: ProposalStatus[],
  ): Promise<OutgoingMessage[]> {
    const t = statusTexts(contact.locale);
    const locale = contact.locale;
    const competitionIds = [...new Set(proposals.map((p) => p.competitionId))];
    // The released stages of these competitions and the proposals' results there, in one round trip.
    const rows = await releasesWithResults(
      db,
      competitionIds,
      proposals.map((p) => p.id),
    );
    const competitionOf = new Map(proposals.map((p) => [p.id, p.competitionId]));
    const releases = [...new Map(rows.map((r) => [`${r.competitionId}|${r.stage}`, r])).values()];
    const results = rows.filter(
      (r) => r.proposalId !== null && competitionOf.get(r.proposalId) === r.competitionId,
    );
    const texts = await sectionTexts(
      db,
      proposals.map((p) => p.id),
    );
    const parts: string[] = [];
    const choices: Choice[] = [];
    for (const p of proposals) {
      const template = await kit.templateOf(p.competitionId);
      if (!template) continue;
      const order = (k: string) => template.stages.findIndex((s) => s.key === k);
      const released = releases
        .filter((r) => r.competitionId === p.competitionId)
        .sort((a, b) => order(a.stage) - order(b.stage));
      const shown: string[] = [];
      for (const rel of released) {
        const r = results.find((x) => x.proposalId === p.id && x.stage === rel.stage);
        if (!r) continue;
        const view: ReleasedResult = {
          stage: rel.stage,
          totalsOnly: rel.totalsOnly,
          withComments: rel.withComments,
          total: r.total,
          rank: r.rank,
          advances: r.advances,
          criteria: criteriaOrNone.parse(r.criteria),
          comments: commentsOrNone.parse(r.comments),
        };
        shown.push(renderScores(p, view, template, locale, texts.get(p.id)));
        // "Tanya/banding" per criterion, for the latest released stage of each proposal.
        if (!view.totalsOnly && rel === released.at(-1))
          choices.push(...scoreChoices(p.code, rel.stage, template, locale));
      }
      if (shown.length) parts.push(...shown);
      else parts.push(pending(p, template, new Set(released.map((r) => r.stage)), contact));
    }
    if (choices.length === 0) return [{ text: [parts.join("\n\n") || t.noScoredStage] }];
    await rememberOffer(db, contact.id, msg.channel, choices);
    return [{ text: [parts.join("\n\n")], choices }];
  }

  /** Why there is nothing to show: the stage whose scores are awaited, or none for this proposal. */
  function pending(
    p: ProposalStatus,
    template: Template,
    released: Set<string>,
    contact: ContactView,
  ): string {
    const t = statusTexts(contact.locale);
    const scored = template.stages.map((s, i) => ({ s, i })).filter(({ s }) => s.scored);
    if (scored.length === 0) return `${p.code}: ${t.noScoredStage}`;
    const current = template.stages.findIndex((s) => s.key === p.stage);
    const waiting =
      scored.find(({ s, i }) => i >= current && !released.has(s.key)) ??
      [...scored].reverse().find(({ s }) => !released.has(s.key));
    if (waiting) return `${p.code}: ${t.notReleased(waiting.s.label[contact.locale])}`;
    const last = scored[scored.length - 1]!.s;
    return `${p.code}: ${t.noResult(last.label[contact.locale])}`;
  }

  async function answer(
    msg: IncomingMessage,
    contact: ContactView,
    intent: Intent,
    code: string | undefined,
  ): Promise<OutgoingMessage[]> {
    const found = await target(msg, contact, code);
    if ("refused" in found) return [{ text: [statusTexts(contact.locale).notVisible(found.refused ?? "")] }];
    if ("none" in found) return notLinked(contact, found.none!, found.channel!);
    return intent === "status"
      ? status(msg, contact, found.proposals)
      : scores(msg, contact, found.proposals);
  }

  return (
    new Composer()
      // Only a word that looks like a code names a proposal ("/status kami" is just /status).
      .command("status", ({ msg, contact, command }) =>
        answer(msg, contact, "status", CODE.exec(command!.arg)?.[0]),
      )
      .command("nilai", ({ msg, contact, command }) =>
        answer(msg, contact, "scores", CODE.exec(command!.arg)?.[0]),
      )
      .use(async ({ msg, contact, command }, next) => {
        if (command || !msg.text) return next();
        const intent = detectIntent(msg.text);
        if (!intent || (await isBusy(contact.id))) return next();
        return answer(msg, contact, intent, CODE.exec(msg.text)?.[0]);
      })
  );
}
