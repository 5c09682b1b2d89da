import { localParts, zonedToUtc } from "../../core/broadcast/zonedTime.ts";
import { formatWhen } from "../../core/i18n/broadcastTexts.ts";
import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { Choice, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { inferKind, TICKET_KINDS, type TicketKind } from "../../core/tickets/inferKind.ts";
import { bestMatch } from "../../core/tickets/similarity.ts";
import { addWorkingHours } from "../../core/tickets/workingHours.ts";
import { recordSavedAnswerAccepted, savedAnswersOf } from "../../db/queries/savedAnswers.ts";
import { dropTicketDraft } from "../../db/queries/ticketDrafts.ts";
import { countTicketsSince, createTicket } from "../../db/queries/tickets.ts";
import { zoneName } from "../broadcast/composeChoices.ts";
import type { ContactView } from "../resolveContact.ts";
import { proposalsOfContact } from "../status/loadProposals.ts";
import { saveDraft, type TicketDraft } from "./ticketDraft.ts";
import { kindLabel, MAX_TICKET_CHARS, MAX_TICKETS_PER_DAY, type TicketKit } from "./ticketKit.ts";

type Out = Promise<OutgoingMessage[]>;

/** /tanya [text], or "Tanya sekretariat" pressed: a new question, asked for when not given. */
export async function startAsk(
  kit: TicketKit,
  msg: IncomingMessage,
  contact: ContactView,
  text: string,
): Out {
  const t = ticketTexts(contact.locale);
  const proposals = await proposalsOfContact(kit.db, contact.id);
  const competitionId =
    proposals[0]?.competitionId ?? (await kit.competitions.all()).find((c) => c.isOpen)?.id;
  if (!competitionId) return [{ text: [t.noCompetition] }];
  if (await overDailyLimit(kit, contact.id, competitionId))
    return [{ text: [t.dailyLimit(MAX_TICKETS_PER_DAY)] }];
  const draft: TicketDraft = {
    v: 1,
    step: "text",
    competitionId,
    proposalId: proposals.length === 1 ? proposals[0]!.id : undefined,
    choices: [],
    channel: msg.channel,
  };
  if (!text) {
    await saveDraft(kit.db, contact.id, draft);
    return [{ text: [t.askPrompt] }];
  }
  return withText(kit, contact, draft, text);
}

/** The question's text arrived: which proposal, then a saved answer if one is close, then the kind. */
export async function withText(kit: TicketKit, contact: ContactView, draft: TicketDraft, text: string): Out {
  const t = ticketTexts(contact.locale);
  if (text.length > MAX_TICKET_CHARS) {
    await saveDraft(kit.db, contact.id, { ...draft, step: "text" });
    return [{ text: [t.tooLong(MAX_TICKET_CHARS)] }];
  }
  const next = { ...draft, text };
  if (!next.proposalId) {
    const proposals = await proposalsOfContact(kit.db, contact.id);
    if (proposals.length > 1) {
      const choices = proposals.map((p) => ({
        id: `tk:p:${p.id}`,
        label: `${p.code} ${p.title.slice(0, 40)}`,
      }));
      await saveDraft(kit.db, contact.id, { ...next, step: "proposal", choices });
      return [{ text: [t.pickProposal], choices }];
    }
  }
  return offerSaved(kit, contact, next);
}

export async function withProposal(
  kit: TicketKit,
  contact: ContactView,
  draft: TicketDraft,
  proposalId: string,
): Out {
  const proposals = await proposalsOfContact(kit.db, contact.id);
  const p = proposals.find((x) => x.id === proposalId);
  if (!p) return [{ text: [ticketTexts(contact.locale).staleChoice] }];
  return offerSaved(kit, contact, { ...draft, proposalId: p.id, competitionId: p.competitionId });
}

async function offerSaved(kit: TicketKit, contact: ContactView, draft: TicketDraft): Out {
  const t = ticketTexts(contact.locale);
  const saved = await savedAnswersOf(kit.db, draft.competitionId!);
  const hit = bestMatch(draft.text ?? "", saved, (s) => s.question);
  if (hit) {
    const choices = [
      { id: "tk:y", label: t.yes },
      { id: "tk:n", label: t.no },
    ];
    await saveDraft(kit.db, contact.id, { ...draft, step: "saved", savedId: hit.item.id, choices });
    return [{ text: [t.savedOffer(hit.item.answer)], choices }];
  }
  return askKind(kit, contact, draft);
}

/** "Ya": the saved answer did it, no ticket. "Tidak": on to the ticket. */
export async function savedReply(
  kit: TicketKit,
  contact: ContactView,
  draft: TicketDraft,
  yes: boolean,
): Out {
  if (!yes) return askKind(kit, contact, draft);
  await dropTicketDraft(kit.db, contact.id);
  await recordSavedAnswerAccepted(kit.db, contact.id, draft.savedId ?? "");
  return [{ text: [ticketTexts(contact.locale).savedThanks] }];
}

async function askKind(kit: TicketKit, contact: ContactView, draft: TicketDraft): Out {
  if (draft.kind) return openTicket(kit, contact, draft, draft.kind);
  const t = ticketTexts(contact.locale);
  const guess = inferKind(draft.text ?? "");
  const kinds = [guess, ...TICKET_KINDS.filter((k) => k !== guess)];
  const choices: Choice[] = kinds.map((k) => ({ id: `tk:k:${k}`, label: kindLabel(k, contact.locale) }));
  await saveDraft(kit.db, contact.id, { ...draft, step: "kind", choices });
  return [{ text: [t.pickKind], choices }];
}

/** Opens the ticket and tells the person its number and when to expect the answer. */
export async function openTicket(
  kit: TicketKit,
  contact: ContactView,
  draft: TicketDraft,
  kind: TicketKind,
): Out {
  const t = ticketTexts(contact.locale);
  const competitionId = draft.competitionId!;
  await dropTicketDraft(kit.db, contact.id);
  if (await overDailyLimit(kit, contact.id, competitionId))
    return [{ text: [t.dailyLimit(MAX_TICKETS_PER_DAY)] }];
  const now = kit.clock();
  const ticket = await createTicket(kit.db, {
    competitionId,
    proposalId: draft.proposalId,
    contactId: contact.id,
    channel: draft.channel,
    kind,
    stage: draft.stage,
    criteria: draft.criterion ? [draft.criterion] : [],
    text: draft.text ?? "",
    createdAt: now,
  });
  kit.logger.info({ ticket: ticket.number, kind }, "ticket opened");
  const tz = await kit.timezoneOf(competitionId);
  const due = addWorkingHours(now, kit.remindHours, tz);
  return [{ text: [t.created(ticket.number, `${formatWhen(due, contact.locale, tz)} ${zoneName(tz)}`)] }];
}

async function overDailyLimit(kit: TicketKit, contactId: string, competitionId: string): Promise<boolean> {
  const tz = await kit.timezoneOf(competitionId);
  const p = localParts(kit.clock(), tz);
  const midnight = zonedToUtc({ year: p.year, month: p.month, day: p.day, hour: 0, minute: 0 }, tz);
  return (await countTicketsSince(kit.db, contactId, midnight)) >= MAX_TICKETS_PER_DAY;
}
