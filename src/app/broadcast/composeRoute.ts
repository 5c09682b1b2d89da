import {
  AUDIENCE_VERSION,
  type Audience,
  type AudienceFilter,
  PUSH_CHANNELS,
} from "../../core/broadcast/audienceSchema.ts";
import {
  COMPOSE_VERSION,
  type ComposeOption,
  type ComposeState,
  DRAFT_TTL_MS,
  readComposeState,
} from "../../core/broadcast/composeState.ts";
import { parseScheduleTime } from "../../core/broadcast/parseScheduleTime.ts";
import { DEFAULT_QUIET_HOURS, quietUntil } from "../../core/broadcast/quietHours.ts";
import { broadcastTexts, formatWhen } from "../../core/i18n/broadcastTexts.ts";
import type { Choice, IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import type { AppRoute } from "../createMessageHandler.ts";
import type { ContactView } from "../resolveContact.ts";
import { broadcastCommand } from "./broadcastCommand.ts";
import { composeOptions, type SubKind } from "./composeOptions.ts";
import { createAnnouncement, DraftGone } from "./createAnnouncement.ts";
import type { BroadcastRouteDeps } from "./createBroadcastRoutes.ts";
import { renderDelivery } from "./renderDelivery.ts";
import { resolveAudience } from "./resolveAudience.ts";
import { recordDenied, secretariatCompetitions } from "./secretariat.ts";
import { shortId } from "./shortId.ts";

export const MAX_ANNOUNCEMENT_CHARS = 3_500;

interface Draft {
  competitionId: string;
  state: ComposeState;
  updatedAt: Date;
}

const AUDIENCE_IDS = ["all", "stage", "group", "region", "incomplete", "channel"] as const;
type AudienceId = (typeof AUDIENCE_IDS)[number];

/**
 * /umumkan: the secretariat composes an announcement in chat, one step per message (audience,
 * sub-choice, text, preview, send or schedule). The draft lives in AnnouncementDraft; while it is
 * open the composer's free text and "bc:" buttons come here, and everything else (other commands,
 * other buttons, other people) passes through untouched.
 */
export function composeRoute(deps: BroadcastRouteDeps): AppRoute {
  const { db } = deps;
  const clock = deps.now ?? (() => new Date());
  const channels = deps.channels ?? PUSH_CHANNELS;
  const quiet = deps.quietHours === undefined ? DEFAULT_QUIET_HOURS : deps.quietHours;

  async function loadDraft(contactId: string): Promise<Draft | undefined> {
    const row = await db.announcementDraft.findUnique({
      where: { contactId },
      select: { competitionId: true, state: true, updatedAt: true },
    });
    if (!row) return undefined;
    const state = readComposeState(row.state);
    const savedAt = state ? Date.parse(state.savedAt) : Number.NaN;
    if (!state || !(clock().getTime() - savedAt <= DRAFT_TTL_MS)) {
      await db.announcementDraft.deleteMany({ where: { contactId } });
      return undefined;
    }
    return { competitionId: row.competitionId, state, updatedAt: row.updatedAt };
  }

  async function save(contactId: string, competitionId: string, next: ComposeState): Promise<void> {
    const state = { ...next, savedAt: clock().toISOString() };
    await db.announcementDraft.upsert({
      where: { contactId },
      create: { contactId, competitionId, state },
      update: { competitionId, state },
    });
  }

  async function competitionOf(id: string) {
    const view = (await deps.competitions.all()).find((c) => c.id === id);
    const row = await db.competition.findUnique({ where: { id }, select: { timezone: true } });
    return view && row ? { ...view, timezone: row.timezone } : undefined;
  }

  function choicesOf(options: readonly ComposeOption[]): Choice[] {
    return options.map((o, i) => ({ id: `bc:o:${i}`, label: o.label }));
  }

  function audienceChoices(contact: ContactView): Choice[] {
    const t = broadcastTexts(contact.locale);
    const label: Record<AudienceId, string> = {
      all: t.audienceAll,
      stage: t.audienceStage,
      group: t.audienceGroup,
      region: t.audienceRegion,
      incomplete: t.audienceIncomplete,
      channel: t.audienceChannel,
    };
    return AUDIENCE_IDS.map((id) => ({ id: `bc:a:${id}`, label: label[id] }));
  }

  function previewChoices(contact: ContactView): Choice[] {
    const t = broadcastTexts(contact.locale);
    return [
      { id: "bc:send", label: t.btnSend },
      { id: "bc:schedule", label: t.btnSchedule },
      { id: "bc:cancel", label: t.btnCancel },
    ];
  }

  /** The choices the current step offers, so typed numbers and labels work like buttons. */
  function stepChoices(state: ComposeState, contact: ContactView): Choice[] {
    switch (state.step) {
      case "competition":
      case "sub":
        return choicesOf(state.options);
      case "audience":
        return audienceChoices(contact);
      case "preview":
        return previewChoices(contact);
      case "when":
        return [{ id: "bc:cancel", label: broadcastTexts(contact.locale).btnCancel }];
      case "text":
        return [];
    }
  }

  function picked(msg: IncomingMessage, choices: readonly Choice[]): string | undefined {
    if (msg.choice) return choices.some((c) => c.id === msg.choice) ? msg.choice : undefined;
    const text = msg.text?.trim() ?? "";
    const n = /^(\d{1,2})\.?$/.exec(text);
    if (n) return choices[Number(n[1]) - 1]?.id;
    const norm = (s: string) =>
      s
        .toLowerCase()
        .replace(/\s*\(\d+\)$/, "")
        .replace(/\s+/g, " ")
        .trim();
    return choices.find((c) => norm(c.label) === norm(text))?.id;
  }

  async function begin(msg: IncomingMessage, contact: ContactView): Promise<OutgoingMessage[]> {
    const t = broadcastTexts(contact.locale);
    const comps = await secretariatCompetitions(db, contact.id);
    if (comps.length === 0) {
      await recordDenied(db, contact.id, "umumkan");
      return [{ text: [t.onlySecretariat] }];
    }
    const base = {
      version: COMPOSE_VERSION,
      filters: [],
      text: "",
      channel: msg.channel,
      chatId: msg.chatId,
      savedAt: "",
    } satisfies Omit<ComposeState, "step" | "options">;
    if (comps.length > 1) {
      const options = comps.map((c) => ({ label: c.name, competitionId: c.id }));
      await save(contact.id, comps[0]!.id, { ...base, step: "competition", options });
      return [{ text: [t.chooseCompetition], choices: choicesOf(options) }];
    }
    await save(contact.id, comps[0]!.id, { ...base, step: "audience", options: [] });
    return [{ text: [t.chooseAudience], choices: audienceChoices(contact) }];
  }

  async function toText(
    contact: ContactView,
    draft: Draft,
    filters: AudienceFilter[],
  ): Promise<OutgoingMessage[]> {
    const t = broadcastTexts(contact.locale);
    const comp = await competitionOf(draft.competitionId);
    const r = await resolveAudience(
      db,
      draft.competitionId,
      { version: AUDIENCE_VERSION, filters },
      {
        sectionKeys: comp?.template.sections.map((s) => s.key) ?? [],
        channels,
      },
    );
    if (r.contacts === 0) {
      await save(contact.id, draft.competitionId, {
        ...draft.state,
        step: "audience",
        filters: [],
        options: [],
      });
      return [{ text: [t.noRecipients] }, { text: [t.chooseAudience], choices: audienceChoices(contact) }];
    }
    await save(contact.id, draft.competitionId, { ...draft.state, step: "text", filters, options: [] });
    return [{ text: [t.recipientsThenText(r.contacts, r.proposals, r.optedOut)] }];
  }

  async function preview(contact: ContactView, draft: Draft, text: string): Promise<OutgoingMessage[]> {
    const t = broadcastTexts(contact.locale);
    const comp = await competitionOf(draft.competitionId);
    const r = await resolveAudience(
      db,
      draft.competitionId,
      { version: AUDIENCE_VERSION, filters: draft.state.filters },
      {
        sectionKeys: comp?.template.sections.map((s) => s.key) ?? [],
        channels,
      },
    );
    await save(contact.id, draft.competitionId, { ...draft.state, step: "preview", text });
    const shown = renderDelivery({
      kind: "broadcast",
      competitionName: comp?.name ?? "",
      locale: contact.locale,
      text,
    });
    const hold = quiet && comp ? quietUntil(clock(), comp.timezone, quiet) : undefined;
    const confirm =
      t.confirmSend(r.contacts - r.optedOut, r.optedOut) +
      (hold && quiet ? `\n${t.quietNote(quiet.start, quiet.end)}` : "");
    return [
      { text: [t.previewHeader, "\n\n", ...shown.text] },
      { text: [confirm], choices: previewChoices(contact) },
    ];
  }

  async function confirm(
    msg: IncomingMessage,
    contact: ContactView,
    draft: Draft,
    at?: Date,
  ): Promise<OutgoingMessage[]> {
    const t = broadcastTexts(contact.locale);
    const comps = await secretariatCompetitions(db, contact.id);
    const comp = await competitionOf(draft.competitionId);
    if (!comp || !comps.some((c) => c.id === draft.competitionId)) {
      await db.announcementDraft.deleteMany({ where: { contactId: contact.id } });
      return [{ text: [t.onlySecretariat] }];
    }
    const audience: Audience = { version: AUDIENCE_VERSION, filters: draft.state.filters };
    const r = await resolveAudience(db, comp.id, audience, {
      sectionKeys: comp.template.sections.map((s) => s.key),
      channels,
    });
    try {
      const created = await createAnnouncement(db, {
        competitionId: comp.id,
        timezone: comp.timezone,
        audience,
        text: draft.state.text,
        recipients: r.recipients,
        scheduledAt: at ?? clock(),
        createdById: contact.id,
        progressRef: { version: 1, channel: msg.channel, chatId: msg.chatId, locale: contact.locale },
        quiet,
        draft: { contactId: contact.id, updatedAt: draft.updatedAt },
      });
      deps.logger.info(
        { announcementId: created.id, queued: created.queued, skipped: created.skipped, by: contact.id },
        "announcement queued",
      );
      deps.onQueued?.();
      const id = shortId(created.id);
      if (!at) return [{ text: [t.queued(id, created.queued)] }];
      return [{ text: [t.scheduled(id, created.queued, formatWhen(at, contact.locale, comp.timezone))] }];
    } catch (e) {
      if (e instanceof DraftGone) return [{ text: [t.draftGone] }];
      throw e;
    }
  }

  async function step(msg: IncomingMessage, contact: ContactView, draft: Draft): Promise<OutgoingMessage[]> {
    const t = broadcastTexts(contact.locale);
    const { state } = draft;
    const choice = picked(msg, stepChoices(state, contact));
    const again = (): OutgoingMessage[] => [{ text: [t.pickOne], choices: stepChoices(state, contact) }];
    if (choice === "bc:cancel") {
      await db.announcementDraft.deleteMany({ where: { contactId: contact.id } });
      return [{ text: [t.cancelled] }];
    }
    switch (state.step) {
      case "competition": {
        const competitionId = choice ? state.options[Number(choice.slice(5))]?.competitionId : undefined;
        if (!competitionId) return again();
        await save(contact.id, competitionId, { ...state, step: "audience", options: [] });
        return [{ text: [t.chooseAudience], choices: audienceChoices(contact) }];
      }
      case "audience": {
        const kind = choice?.slice(5) as AudienceId | undefined;
        if (!kind) return again();
        if (kind === "all") return toText(contact, draft, []);
        if (kind === "incomplete") return toText(contact, draft, [{ kind: "incomplete" }]);
        const comp = await competitionOf(draft.competitionId);
        const options = await composeOptions(db, kind as SubKind, {
          competitionId: draft.competitionId,
          template: comp?.template,
          locale: contact.locale,
          channels,
        });
        if (options.length === 0) return [{ text: [t.noOptions], choices: audienceChoices(contact) }];
        await save(contact.id, draft.competitionId, { ...state, step: "sub", options });
        const ask = {
          stage: t.chooseStage,
          group: t.chooseGroup,
          region: t.chooseRegion,
          channel: t.chooseChannel,
        }[kind as SubKind];
        return [{ text: [ask], choices: choicesOf(options) }];
      }
      case "sub": {
        const filter = choice ? state.options[Number(choice.slice(5))]?.filter : undefined;
        if (!filter) return again();
        return toText(contact, draft, [filter]);
      }
      case "text": {
        if (msg.choice) return [{ text: [t.typeText] }];
        const text = msg.text?.trim() ?? "";
        if (!text) return [{ text: [msg.attachment ? t.textOnly : t.typeText] }];
        if (text.length > MAX_ANNOUNCEMENT_CHARS)
          return [{ text: [t.textTooLong(MAX_ANNOUNCEMENT_CHARS, text.length)] }];
        return preview(contact, draft, text);
      }
      case "preview": {
        if (choice === "bc:send") return confirm(msg, contact, draft);
        if (choice === "bc:schedule") {
          const comp = await competitionOf(draft.competitionId);
          await save(contact.id, draft.competitionId, { ...state, step: "when" });
          return [
            {
              text: [t.askWhen(zoneName(comp?.timezone ?? "Asia/Jakarta"))],
              choices: stepChoices({ ...state, step: "when" }, contact),
            },
          ];
        }
        return again();
      }
      case "when": {
        const comp = await competitionOf(draft.competitionId);
        const now = clock();
        const at = parseScheduleTime(msg.text ?? "", now, comp?.timezone ?? "Asia/Jakarta");
        if (!at) return [{ text: [t.badWhen] }];
        if (at.getTime() <= now.getTime()) return [{ text: [t.pastWhen] }];
        return confirm(msg, contact, draft, at);
      }
    }
  }

  return async (msg, contact) => {
    const cmd = broadcastCommand(msg.text);
    if (cmd?.name === "umumkan") return begin(msg, contact);
    const draft = await loadDraft(contact.id);
    if (!draft) {
      // A button of a draft that was sent, cancelled or expired.
      if (msg.choice?.startsWith("bc:")) return [{ text: [broadcastTexts(contact.locale).draftGone] }];
      return undefined;
    }
    if (cmd) {
      if (cmd.name !== "batal") return undefined;
      await db.announcementDraft.deleteMany({ where: { contactId: contact.id } });
      return [{ text: [broadcastTexts(contact.locale).cancelled] }];
    }
    if (msg.choice && !msg.choice.startsWith("bc:")) return undefined;
    return step(msg, contact, draft);
  };
}

/** WIB, WITA or WIT for Indonesia's zones; the zone name elsewhere. */
function zoneName(timeZone: string): string {
  const known: Record<string, string> = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
  };
  return known[timeZone] ?? timeZone;
}
