import { localParts, zonedToUtc } from "../../core/broadcast/zonedTime.ts";
import { formatWhen } from "../../core/i18n/broadcastTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { Choice, OutgoingMessage } from "../../core/messages.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import { isSentence } from "../../core/tickets/inferKind.ts";
import { releaseOf } from "../../db/queries/scoreCorrections.ts";
import { dropTicketDraft } from "../../db/queries/ticketDrafts.ts";
import { appealOf } from "../../db/queries/tickets.ts";
import { zoneName } from "../broadcast/composeChoices.ts";
import type { ContactView } from "../resolveContact.ts";
import { proposalsOfContact } from "../status/loadProposals.ts";
import { openTicket, withText } from "./askFlow.ts";
import { saveDraft, type TicketDraft } from "./ticketDraft.ts";
import { MAX_TICKET_CHARS, type TicketKit } from "./ticketKit.ts";

type Out = Promise<OutgoingMessage[]>;

/** One "Tanya/banding" button per criterion under a released result in /nilai. */
export function scoreChoices(code: string, stageKey: string, template: Template, locale: Locale): Choice[] {
  const s = template.stages.findIndex((x) => x.key === stageKey);
  const t = ticketTexts(locale);
  return template.criteria.map((c, i) => ({
    id: `tk:c:${code}:${s}:${i}`,
    label: t.criterionChoice(c.name[locale]),
  }));
}

/** When the appeal window of a released stage closes (end of the last calendar day), or why there is none. */
export async function appealWindow(
  kit: TicketKit,
  competitionId: string,
  stageKey: string,
): Promise<{ kind: "none" } | { kind: "window"; closesAt: Date }> {
  const template = await kit.templateOf(competitionId);
  const days = template?.stages.find((s) => s.key === stageKey)?.appealWindowDays;
  const release = await releaseOf(kit.db, competitionId, stageKey);
  if (!days || !release) return { kind: "none" };
  const tz = await kit.timezoneOf(competitionId);
  const p = localParts(release.releasedAt, tz);
  return {
    kind: "window",
    closesAt: zonedToUtc({ year: p.year, month: p.month, day: p.day + days + 1, hour: 0, minute: 0 }, tz),
  };
}

/** A criterion button pressed: ask or appeal? (Only a member of the proposal's unit may.) */
export async function pickCriterion(kit: TicketKit, contact: ContactView, channel: string, id: string): Out {
  const t = ticketTexts(contact.locale);
  const [, , code, s, c] = id.split(":");
  const p = (await proposalsOfContact(kit.db, contact.id)).find((x) => x.code === code);
  const template = p ? await kit.templateOf(p.competitionId) : undefined;
  const stage = template?.stages[Number(s)];
  const criterion = template?.criteria[Number(c)];
  if (!p || !stage || !criterion) return [{ text: [t.staleChoice] }];
  const choices = [
    { id: "tk:q", label: t.btnQuestion },
    { id: "tk:a", label: t.btnAppeal },
  ];
  await saveDraft(kit.db, contact.id, {
    v: 1,
    step: "scoreAction",
    competitionId: p.competitionId,
    proposalId: p.id,
    stage: stage.key,
    criterion: criterion.key,
    choices,
    channel,
  });
  return [{ text: [t.askOrAppeal(criterion.name[contact.locale])], choices }];
}

/** "Minta penjelasan" or "Ajukan banding" on a criterion. */
export async function scoreAction(
  kit: TicketKit,
  contact: ContactView,
  draft: TicketDraft,
  appeal: boolean,
): Out {
  const t = ticketTexts(contact.locale);
  const template = await kit.templateOf(draft.competitionId!);
  const name = template?.criteria.find((c) => c.key === draft.criterion)?.name[contact.locale] ?? "";
  if (!appeal) {
    await saveDraft(kit.db, contact.id, { ...draft, step: "reason", kind: "nilai", choices: [] });
    return [{ text: [t.questionPrompt(name)] }];
  }
  const refusal = await appealRefusal(kit, contact, draft);
  if (refusal) {
    await dropTicketDraft(kit.db, contact.id);
    return refusal;
  }
  const w = (await appealWindow(kit, draft.competitionId!, draft.stage!)) as { closesAt: Date };
  const tz = await kit.timezoneOf(draft.competitionId!);
  await saveDraft(kit.db, contact.id, { ...draft, step: "reason", kind: "banding", choices: [] });
  const until = `${formatWhen(new Date(w.closesAt.getTime() - 60_000), contact.locale, tz)} ${zoneName(tz)}`;
  return [{ text: [t.appealPrompt(name, until)] }];
}

/** The reason (appeal) or question (explanation) about a criterion arrived. */
export async function withReason(
  kit: TicketKit,
  contact: ContactView,
  draft: TicketDraft,
  text: string,
): Out {
  const t = ticketTexts(contact.locale);
  if (draft.kind !== "banding") return withText(kit, contact, draft, text);
  if (text.length > MAX_TICKET_CHARS) return [{ text: [t.tooLong(MAX_TICKET_CHARS)] }];
  if (!isSentence(text)) return [{ text: [t.appealTooShort] }];
  // The window may have closed, or another member appealed, while this person was writing.
  const refusal = await appealRefusal(kit, contact, draft);
  if (refusal) {
    await dropTicketDraft(kit.db, contact.id);
    return refusal;
  }
  return openTicket(kit, contact, { ...draft, text }, "banding");
}

async function appealRefusal(
  kit: TicketKit,
  contact: ContactView,
  draft: TicketDraft,
): Promise<OutgoingMessage[] | undefined> {
  const t = ticketTexts(contact.locale);
  const template = await kit.templateOf(draft.competitionId!);
  const stageLabel =
    template?.stages.find((s) => s.key === draft.stage)?.label[contact.locale] ?? draft.stage ?? "";
  const w = await appealWindow(kit, draft.competitionId!, draft.stage!);
  if (w.kind === "none") return [{ text: [t.appealNone(stageLabel)] }];
  if (kit.clock() >= w.closesAt) {
    const tz = await kit.timezoneOf(draft.competitionId!);
    const closed = `${formatWhen(new Date(w.closesAt.getTime() - 60_000), contact.locale, tz)} ${zoneName(tz)}`;
    return [{ text: [t.appealClosed(stageLabel, closed)] }];
  }
  const existing = await appealOf(kit.db, draft.proposalId!, draft.stage!);
  if (existing) return [{ text: [t.appealExists(existing.number)] }];
  return undefined;
}
