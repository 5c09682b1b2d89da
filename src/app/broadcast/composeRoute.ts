import {
  AUDIENCE_VERSION,
  type Audience,
  type AudienceFilter,
  PUSH_CHANNELS,
} from "../../core/broadcast/audienceSchema.ts";
import { COMPOSE_VERSION, type ComposeState } from "../../core/broadcast/composeState.ts";
import { parseScheduleTime } from "../../core/broadcast/parseScheduleTime.ts";
import { DEFAULT_QUIET_HOURS, quietUntil } from "../../core/broadcast/quietHours.ts";
import { broadcastComposeTexts } from "../../core/i18n/broadcastComposeTexts.ts";
import { formatWhen } from "../../core/i18n/broadcastTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { competitionTimezone } from "../../db/queries/notifications.ts";
import { loadAccess } from "../access.ts";
import { Composer } from "../pipeline/Composer.ts";
import type { ContactView } from "../resolveContact.ts";
import {
  type AudienceId,
  audienceChoices,
  optionChoices,
  picked,
  previewChoices,
  stepChoices,
  zoneName,
} from "./composeChoices.ts";
import { createComposeDrafts, type Draft } from "./composeDrafts.ts";
import { composeOptions, type SubKind } from "./composeOptions.ts";
import { createAnnouncement, DraftGone } from "./createAnnouncement.ts";
import type { BroadcastRouteDeps } from "./createBroadcastRoutes.ts";
import { renderDelivery } from "./renderDelivery.ts";
import { resolveAudience } from "./resolveAudience.ts";
import { secretariatCompetitions } from "./secretariat.ts";
import { shortId } from "./shortId.ts";

export const MAX_ANNOUNCEMENT_CHARS = 3_500;

/**
 * /umumkan: the secretariat composes an announcement in chat, one step per message (audience,
 * sub-choice, text, preview, send or schedule). The draft lives in AnnouncementDraft; while it is
 * open the composer's free text and "bc:" buttons come here, and everything else (other commands,
 * other buttons, other people) passes through untouched.
 */
export function composeRoute(deps: BroadcastRouteDeps): Composer {
  const { db } = deps;
  const clock = deps.now ?? (() => new Date());
  const channels = deps.channels ?? PUSH_CHANNELS;
  const quiet = deps.quietHours === undefined ? DEFAULT_QUIET_HOURS : deps.quietHours;
  const drafts = createComposeDrafts(db, clock);
  const save = drafts.save;

  async function competitionOf(id: string) {
    const view = (await deps.competitions.all()).find((c) => c.id === id);
    const timezone = await competitionTimezone(db, id);
    return view && timezone !== undefined ? { ...view, timezone } : undefined;
  }

  /** Who the filters reach in the draft's competition (counted for the composer, used to queue). */
  async function audienceOf(competitionId: string, filters: AudienceFilter[]) {
    const comp = await competitionOf(competitionId);
    const audience: Audience = { version: AUDIENCE_VERSION, filters };
    const sectionKeys = comp?.template.sections.map((s) => s.key) ?? [];
    return {
      comp,
      audience,
      ...(await resolveAudience(db, competitionId, audience, { sectionKeys, channels })),
    };
  }

  async function begin(msg: IncomingMessage, contact: ContactView): Promise<OutgoingMessage[]> {
    const t = broadcastComposeTexts(contact.locale);
    // Only the secretariat gets here: the registry's access middleware refused everyone else.
    // Of which competitions: this lookup.
    const comps = await secretariatCompetitions(db, contact.id);
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
      return [{ text: [t.chooseCompetition], choices: optionChoices(options) }];
    }
    await save(contact.id, comps[0]!.id, { ...base, step: "audience", options: [] });
    return [{ text: [t.chooseAudience], choices: audienceChoices(contact.locale) }];
  }

  async function toText(
    contact: ContactView,
    draft: Draft,
    filters: AudienceFilter[],
  ): Promise<OutgoingMessage[]> {
    const t = broadcastComposeTexts(contact.locale);
    const r = await audienceOf(draft.competitionId, filters);
    if (r.contacts - r.optedOut - r.unreachable <= 0) {
      await save(contact.id, draft.competitionId, {
        ...draft.state,
        step: "audience",
        filters: [],
        options: [],
      });
      return [
        { text: [t.noRecipients] },
        { text: [t.chooseAudience], choices: audienceChoices(contact.locale) },
      ];
    }
    await save(contact.id, draft.competitionId, { ...draft.state, step: "text", filters, options: [] });
    return [
      {
        text: [
          t.recipientsThenText(
            r.contacts - r.optedOut - r.unreachable,
            r.proposals,
            r.optedOut,
            r.unreachable,
          ),
        ],
      },
    ];
  }

  async function preview(contact: ContactView, draft: Draft, text: string): Promise<OutgoingMessage[]> {
    const t = broadcastComposeTexts(contact.locale);
    const r = await audienceOf(draft.competitionId, draft.state.filters);
    const comp = r.comp;
    await save(contact.id, draft.competitionId, { ...draft.state, step: "preview", text });
    const shown = renderDelivery({
      kind: "broadcast",
      competitionName: comp?.name ?? "",
      locale: contact.locale,
      text,
    });
    const hold = quiet && comp ? quietUntil(clock(), comp.timezone, quiet) : undefined;
    const confirm =
      t.confirmSend(r.contacts - r.optedOut - r.unreachable, r.optedOut, r.unreachable) +
      (hold && quiet ? `\n${t.quietNote(quiet.start, quiet.end)}` : "");
    return [
      { text: [t.previewHeader, "\n\n", ...shown.text] },
      { text: [confirm], choices: previewChoices(contact.locale) },
    ];
  }

  async function confirm(
    msg: IncomingMessage,
    contact: ContactView,
    draft: Draft,
    at?: Date,
  ): Promise<OutgoingMessage[]> {
    const t = broadcastComposeTexts(contact.locale);
    // The draft is confirmed by a reply, not a command: the per-competition rule is checked here.
    const access = await loadAccess(db, contact.id);
    const { comp, audience, recipients } = await audienceOf(draft.competitionId, draft.state.filters);
    if (!comp || !access.isSecretariat(draft.competitionId)) {
      await drafts.discard(contact.id);
      return [{ text: [t.onlySecretariat] }];
    }
    try {
      const created = await createAnnouncement(db, {
        competitionId: comp.id,
        timezone: comp.timezone,
        audience,
        text: draft.state.text,
        recipients,
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
    const t = broadcastComposeTexts(contact.locale);
    const { state } = draft;
    const choice = picked(msg, stepChoices(state, contact.locale));
    const again = (): OutgoingMessage[] => [
      { text: [t.pickOne], choices: stepChoices(state, contact.locale) },
    ];
    if (choice === "bc:cancel") {
      await drafts.discard(contact.id);
      return [{ text: [t.cancelled] }];
    }
    switch (state.step) {
      case "competition": {
        const competitionId = choice ? state.options[Number(choice.slice(5))]?.competitionId : undefined;
        if (!competitionId) return again();
        await save(contact.id, competitionId, { ...state, step: "audience", options: [] });
        return [{ text: [t.chooseAudience], choices: audienceChoices(contact.locale) }];
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
        if (options.length === 0) return [{ text: [t.noOptions], choices: audienceChoices(contact.locale) }];
        await save(contact.id, draft.competitionId, { ...state, step: "sub", options });
        const ask = {
          stage: t.chooseStage,
          group: t.chooseGroup,
          region: t.chooseRegion,
          channel: t.chooseChannel,
        }[kind as SubKind];
        return [{ text: [ask], choices: optionChoices(options) }];
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
              choices: stepChoices({ ...state, step: "when" }, contact.locale),
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

  return new Composer()
    .command("umumkan", ({ msg, contact }) => begin(msg, contact))
    .use(async ({ msg, contact, command }, next) => {
      // Most messages come from people with no draft open: known from the contact lookup, no query.
      if (contact.composing === false && !msg.choice?.startsWith("bc:")) return next();
      const draft = await drafts.load(contact.id);
      if (!draft) {
        // A button of a draft that was sent, cancelled or expired.
        if (msg.choice?.startsWith("bc:"))
          return [{ text: [broadcastComposeTexts(contact.locale).draftGone] }];
        return next();
      }
      if (command) {
        if (command.name !== "batal") return next();
        await drafts.discard(contact.id);
        return [{ text: [broadcastComposeTexts(contact.locale).cancelled] }];
      }
      if (msg.choice && !msg.choice.startsWith("bc:")) return next();
      return step(msg, contact, draft);
    });
}
