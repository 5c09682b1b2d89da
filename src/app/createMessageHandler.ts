import { channelText } from "../channels/channelTexts.ts";
import { advance, contextNeeds } from "../core/dialogue/advance.ts";
import { type DialogueState, initialState, readState } from "../core/dialogue/dialogueState.ts";
import type { Effect, TurnInput } from "../core/dialogue/turnTypes.ts";
import { dialogueTexts } from "../core/i18n/dialogueTexts.ts";
import type { Locale } from "../core/i18n/locale.ts";
import type { IncomingMessage, MessageHandler, OutgoingMessage, Replies } from "../core/messages.ts";
import { storableText } from "../core/storableText.ts";
import type { Db } from "../db/createDatabase.ts";
import * as metrics from "../http/metrics.ts";
import type { Logger } from "../logger.ts";
import { applyEffects } from "./applyEffects.ts";
import type { CompetitionCache } from "./competitionCache.ts";
import type { IntentHint } from "./intent/createIntentHint.ts";
import { loadTurnContext } from "./loadTurnContext.ts";
import { type ContactView, resolveContact } from "./resolveContact.ts";

/** A use case outside the coaching dialogue (status, scores, data rights…); undefined = not mine. */
export type AppRoute = (msg: IncomingMessage, contact: ContactView) => Promise<OutgoingMessage[] | undefined>;

/**
 * Hears about saved turns and may add later messages (LLM feedback after a section check). It runs
 * after the replies are returned, so the instant rule check is never held up by a slow model.
 */
export type TurnListener = (e: {
  contact: ContactView;
  msg: IncomingMessage;
  effects: readonly Effect[];
}) => Promise<OutgoingMessage[]>;

export interface MessageHandlerDeps {
  db: Db;
  competitions: CompetitionCache;
  logger: Logger;
  defaultLocale: Locale;
  timezone: string;
  now?: () => Date;
  routes?: AppRoute[];
  listeners?: TurnListener[];
  /** The model's reading of a message typed in an open section (when an LLM is configured). */
  intentHint?: IntentHint;
}

class DuplicateUpdate extends Error {}
class StaleState extends Error {}

const MAX_ATTEMPTS = 6;
const LAST_ACTIVE_GRANULARITY_MS = 10 * 60_000;

/**
 * The coaching use case: load state → run the pure engine → persist state, effects and the
 * message id in one transaction (version-checked) → return the replies. A losing concurrent turn
 * runs again on the fresh state; the same message id twice has one effect.
 */
export function createMessageHandler(deps: MessageHandlerDeps): MessageHandler {
  const { db, logger } = deps;
  const now = deps.now ?? (() => new Date());

  async function turnOnce(
    msg: IncomingMessage,
    contact: ContactView,
    hints: Map<string, Promise<TurnInput["intent"]>>,
  ): Promise<{ replies: OutgoingMessage[]; effects: Effect[]; redirect?: string }> {
    const row = await db.dialogueState.findUnique({
      where: { contactId: contact.id },
      select: { version: true, state: true },
    });
    const { state, recovered } = row ? readState(row.state) : { state: undefined, recovered: false };
    const current: DialogueState = state ?? initialState();
    const input: TurnInput = {
      text: msg.text,
      choice: msg.choice,
      attachmentKind: msg.attachment?.kind,
    };
    const open = current.step.kind === "writing" || current.step.kind === "reviewed";
    if (deps.intentHint && open && msg.text && !msg.choice && !msg.text.trim().startsWith("/")) {
      // Asked once per message, however often a clashing turn runs again.
      const text = msg.text;
      if (!hints.has(text))
        hints.set(
          text,
          deps.intentHint({ text, locale: contact.locale, contactId: contact.id }).catch(() => undefined),
        );
      const hint = await hints.get(text);
      if (hint) input.intent = hint;
    }
    const ctx = await loadTurnContext(
      db,
      { competitions: deps.competitions, timezone: deps.timezone, now: now() },
      contact,
      current,
      contextNeeds(current, input),
    );
    const result = advance(current, input, ctx);
    const templateOf = (id: string) => ctx.competitions.find((c) => c.id === id)?.template;
    await db.$transaction(async (tx) => {
      if (row) {
        // The message id and the version-checked state in one round trip: this runs every turn.
        const at = new Date().toISOString();
        const [r] = await tx.$queryRaw<{ fresh: number; saved: number }[]>`
          WITH fresh AS (
            INSERT INTO "ProcessedUpdate" ("channel", "updateId", "createdAt")
            VALUES (${msg.channel}, ${msg.messageId}, ${at}::timestamp)
            ON CONFLICT DO NOTHING RETURNING 1
          ), saved AS (
            UPDATE "DialogueState"
            SET "state" = ${JSON.stringify(result.state)}::jsonb, "version" = "version" + 1, "updatedAt" = ${at}::timestamp
            WHERE "contactId" = ${contact.id} AND "version" = ${row.version} AND EXISTS (SELECT 1 FROM fresh)
            RETURNING 1
          )
          SELECT (SELECT count(*) FROM fresh)::int AS fresh, (SELECT count(*) FROM saved)::int AS saved`;
        if (!r || r.fresh === 0) throw new DuplicateUpdate();
        if (r.saved === 0) throw new StaleState();
      } else {
        const fresh = await tx.processedUpdate.createMany({
          data: [{ channel: msg.channel, updateId: msg.messageId }],
          skipDuplicates: true,
        });
        if (fresh.count === 0) throw new DuplicateUpdate();
        const created = await tx.dialogueState.createMany({
          data: [{ contactId: contact.id, state: result.state, version: 1 }],
          skipDuplicates: true,
        });
        if (created.count === 0) throw new StaleState();
      }
      await applyEffects(tx, result.effects, { contactId: contact.id, templateOf });
      // "Last active" feeds the secretariat's who-is-stuck report (days): minutes do not matter.
      if (
        !contact.lastActiveAt ||
        Math.abs(ctx.now.getTime() - contact.lastActiveAt.getTime()) > LAST_ACTIVE_GRANULARITY_MS
      )
        await tx.contact.update({ where: { id: contact.id }, data: { lastActiveAt: ctx.now } });
    });
    const replies = recovered
      ? [{ text: [dialogueTexts(contact.locale).recovered] }, ...result.replies]
      : result.replies;
    return { replies, effects: result.effects, redirect: result.redirect?.command };
  }

  /** Runs a request in words ("bagaimana status proposal saya?") as the command that answers it. */
  async function redirected(msg: IncomingMessage, contact: ContactView, command: string) {
    const as = { ...msg, text: `/${command}`, messageId: `${msg.messageId}:${command}` };
    for (const route of deps.routes ?? []) {
      const out = await route(as, contact);
      if (out) return out;
    }
    return [];
  }

  function followUp(e: Parameters<TurnListener>[0]): Promise<OutgoingMessage[]> | undefined {
    const listeners = deps.listeners ?? [];
    if (listeners.length === 0 || e.effects.length === 0) return undefined;
    return Promise.all(
      listeners.map((l) =>
        l(e).catch((err) => {
          logger.warn({ err, channel: e.msg.channel, messageId: e.msg.messageId }, "follow-up failed");
          return [];
        }),
      ),
    ).then((all) => all.flat());
  }

  return async function handle(incoming: IncomingMessage): Promise<Replies> {
    const msg = storableMessage(incoming);
    let locale: Locale = deps.defaultLocale;
    try {
      const contact = await resolveContact(db, msg, deps.defaultLocale);
      locale = contact.locale;
      for (const route of deps.routes ?? []) {
        const out = await route(msg, contact);
        if (out) {
          countTurn(msg.channel, "ok", route.name || "route");
          return out;
        }
      }
      const hints = new Map<string, Promise<TurnInput["intent"]>>();
      for (let attempt = 1; ; attempt++) {
        try {
          const { replies, effects, redirect } = await turnOnce(msg, contact, hints);
          const before = redirect ? await redirected(msg, contact, redirect) : [];
          const out: Replies = [...before, ...replies];
          const later = followUp({ contact, msg, effects });
          if (later) out.followUp = later;
          countTurn(msg.channel, "ok", "dialogue");
          return out;
        } catch (e) {
          if (e instanceof DuplicateUpdate) {
            logger.debug({ channel: msg.channel, messageId: msg.messageId }, "duplicate update ignored");
            return [];
          }
          const clash = e instanceof StaleState || (e as { code?: string }).code === "P2002";
          if (clash && attempt < MAX_ATTEMPTS) continue;
          throw e;
        }
      }
    } catch (e) {
      logger.error({ err: e, channel: msg.channel, messageId: msg.messageId }, "message handling failed");
      countTurn(msg.channel, "error");
      return [{ text: [channelText("apology", locale)] }];
    }
  };
}

function countTurn(channel: string, outcome: "ok" | "error", route?: string): void {
  metrics.turns.inc({ channel, outcome });
  if (route) metrics.routeHits.inc({ route });
  else metrics.errors.inc({ where: "handler" });
}

/** What a person typed, made storable before anything reads it (binary or broken input must not fail a turn). */
function storableMessage(msg: IncomingMessage): IncomingMessage {
  const clean = (v: string | undefined) => (v === undefined ? v : storableText(v));
  return {
    ...msg,
    text: clean(msg.text),
    choice: clean(msg.choice),
    profile: msg.profile && {
      ...msg.profile,
      displayName: clean(msg.profile.displayName),
      username: clean(msg.profile.username),
    },
  };
}
