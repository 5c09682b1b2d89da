import { parseCommand } from "../core/commands/parseCommand.ts";
import type { Role } from "../core/commands/registry.ts";
import { advance, contextNeeds } from "../core/dialogue/advance.ts";
import { type DialogueState, initialState, readState } from "../core/dialogue/dialogueState.ts";
import type { Effect, TurnInput } from "../core/dialogue/turnTypes.ts";
import { KlinikError } from "../core/errors.ts";
import { channelTexts } from "../core/i18n/channelTexts.ts";
import { dialogueTexts } from "../core/i18n/dialogueTexts.ts";
import type { Locale } from "../core/i18n/locale.ts";
import { pipelineTexts } from "../core/i18n/pipelineTexts.ts";
import type { IncomingMessage, MessageHandler, OutgoingMessage, Replies } from "../core/messages.ts";
import { storableText } from "../core/storableText.ts";
import type { Db, Tx } from "../db/createDatabase.ts";
import { type Claim, repliesToStore, type SentMarks } from "../db/queries/processedUpdates.ts";
import { dialogueStateRow, saveFirstTurn, saveTurn, type TurnSaved } from "../db/queries/turns.ts";
import { isUniqueViolation } from "../db/sql.ts";
import * as metrics from "../http/metrics.ts";
import type { Logger } from "../logger.ts";
import { applyEffects, storesAny } from "./applyEffects.ts";
import type { CompetitionCache } from "./competitionCache.ts";
import type { IntentHint } from "./intent/createIntentHint.ts";
import { loadTurnContext } from "./loadTurnContext.ts";
import { Composer, type Middleware, type TurnCtx } from "./pipeline/Composer.ts";
import { commandAccess } from "./pipeline/commandAccess.ts";
import { inbox } from "./pipeline/inbox.ts";
import { type ContactView, resolveContact } from "./resolveContact.ts";

/**
 * Hears about saved turns and may add later messages (LLM feedback after a section check). It runs
 * after the replies are returned, so the instant rule check is never held up by a slow model.
 */
export type TurnListener = (e: {
  contact: ContactView;
  msg: IncomingMessage;
  effects: readonly Effect[];
}) => Promise<LaterMessage[]>;

/** A later message and what it is about ("bagian …"), shown when the person has moved on meanwhile. */
export type LaterMessage = OutgoingMessage & { about?: string };

export interface MessageHandlerDeps {
  db: Db;
  competitions: CompetitionCache;
  logger: Logger;
  defaultLocale: Locale;
  timezone: string;
  now?: () => Date;
  /** The use cases outside the coaching dialogue, in the order they see a message (see createApp). */
  middleware?: ReadonlyArray<Middleware | Composer>;
  listeners?: TurnListener[];
  /** Follow-ups not ready by then are dropped; default 60 s (above the LLM's own time limit). */
  followUpTimeoutMs?: number;
  /** The model's reading of a message typed in an open section (when an LLM is configured). */
  intentHint?: IntentHint;
  /** This process's claim-holder id (a liveness lock on PostgreSQL, a local id otherwise; see the inbox). */
  claimHolder?: () => number | undefined;
  /** "Replies sent" written in bulk (see the inbox); each at once without it. */
  sentMarks?: SentMarks;
  /** Other bot processes share the database (see the inbox). */
  recheckBusy?: boolean;
}

class DuplicateUpdate extends KlinikError {}
class StaleState extends KlinikError {}

const MAX_ATTEMPTS = 6;
const FOLLOW_UP_TIMEOUT_MS = 60_000;
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
    claim: Claim,
    role: Role,
    hints: Map<string, Promise<TurnInput["intent"]>>,
    attempt: number,
  ): Promise<{ replies: OutgoingMessage[]; effects: Effect[]; redirect?: string }> {
    // The first attempt uses the state read with the contact; a clash reads it again.
    const snapshot = attempt === 1 && contact.dialogue !== undefined;
    const row = snapshot ? contact.dialogue! : await dialogueStateRow(db, contact.id);
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
      // Read with the contact and the state (attempt 1 uses that state too); a clash means something
      // changed meanwhile, so the next attempts read everything again.
      snapshot ? { proposals: contact.proposals, sections: contact.sections } : undefined,
    );
    const result = advance(current, input, { ...ctx, role });
    const replies = recovered
      ? [{ text: [dialogueTexts(contact.locale).recovered] }, ...result.replies]
      : result.replies;
    const stored = JSON.stringify(repliesToStore(replies));
    const templateOf = (id: string) => ctx.competitions.find((c) => c.id === id)?.template;
    // "Last active" feeds the secretariat's who-is-stuck report (days): minutes do not matter.
    const touch =
      !contact.lastActiveAt ||
      Math.abs(ctx.now.getTime() - contact.lastActiveAt.getTime()) > LAST_ACTIVE_GRANULARITY_MS;
    const save = { contactId: contact.id, claim, state: result.state, stored, touch, now: ctx.now };
    const saveOn = (on: Db | Tx) =>
      row ? saveTurn(on, { ...save, version: row.version }) : saveFirstTurn(on, save);
    if (!storesAny(result.effects)) {
      // Most turns (text typed into a section) change only the state: one statement, no transaction.
      expectSaved(await saveOn(db), msg);
    } else {
      await db.$transaction(async (tx) => {
        expectSaved(await saveOn(tx), msg);
        await applyEffects(tx, result.effects, { contactId: contact.id, templateOf });
      });
    }
    return { replies, effects: result.effects, redirect: result.redirect?.command };
  }

  /** Runs a request in words ("bagaimana status proposal saya?") as the command that answers it. */
  async function redirected(ctx: TurnCtx, command: string): Promise<OutgoingMessage[]> {
    const text = `/${command}`;
    const as = { ...ctx.msg, text, messageId: `${ctx.msg.messageId}:${command}` };
    return [...(await routes.run({ ...ctx, msg: as, command: parseCommand(text), claim: undefined }))];
  }

  // The person's latest message per contact (this process): a follow-up that resolves after a
  // newer message was handled is labelled with what it is about.
  const latest = new Map<string, number>();
  let sequence = 0;
  function arrived(contactId: string): number {
    latest.delete(contactId);
    latest.set(contactId, ++sequence);
    if (latest.size > 10_000) latest.delete(latest.keys().next().value!);
    return sequence;
  }

  /**
   * The listeners' later messages, never awaited by the turn: channels send them when ready,
   * outside the chat's queue. Dropped after the timeout; labelled when the person moved on.
   */
  function followUp(e: Parameters<TurnListener>[0], seq: number): Promise<OutgoingMessage[]> | undefined {
    const listeners = deps.listeners ?? [];
    if (listeners.length === 0 || e.effects.length === 0) return undefined;
    const log = { channel: e.msg.channel, messageId: e.msg.messageId };
    const all = Promise.all(
      listeners.map((l) =>
        l(e).catch((err) => {
          logger.warn({ err, ...log }, "follow-up failed");
          return [];
        }),
      ),
    ).then((xs) => xs.flat());
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<LaterMessage[]>((resolve) => {
      timer = setTimeout(() => {
        logger.info(log, "follow-up not ready in time; dropped");
        resolve([]);
      }, deps.followUpTimeoutMs ?? FOLLOW_UP_TIMEOUT_MS);
      timer.unref();
    });
    return Promise.race([all, timeout]).then((messages) => {
      clearTimeout(timer);
      const movedOn = latest.get(e.contact.id) !== seq;
      return messages.map(({ about, ...m }) =>
        movedOn && about
          ? { ...m, text: [pipelineTexts(e.contact.locale).laterAbout(about), "\n", ...m.text] }
          : m,
      );
    });
  }

  /** The coaching dialogue: the last middleware, answering whatever nothing before it did. */
  const dialogue: Middleware = async (ctx) => {
    const { msg, contact } = ctx;
    const seq = ctx.arrival ?? arrived(contact.id);
    const hints = new Map<string, Promise<TurnInput["intent"]>>();
    if (!ctx.claim)
      throw new KlinikError("dialogue turn without an inbox claim", { messageId: msg.messageId });
    for (let attempt = 1; ; attempt++) {
      try {
        const { replies, effects, redirect } = await turnOnce(
          msg,
          contact,
          ctx.claim,
          ctx.role,
          hints,
          attempt,
        );
        ctx.settled = true;
        const before = redirect ? await redirected(ctx, redirect) : [];
        const out: Replies = [...before, ...replies];
        const later = followUp({ contact, msg, effects }, seq);
        if (later) out.followUp = later;
        return out;
      } catch (e) {
        if (e instanceof DuplicateUpdate) {
          logger.debug({ channel: msg.channel, messageId: msg.messageId }, "duplicate update ignored");
          ctx.settled = true;
          return [];
        }
        const clash = e instanceof StaleState || isUniqueViolation(e);
        if (clash && attempt < MAX_ATTEMPTS) continue;
        throw e;
      }
    }
  };

  const routes = new Composer(
    ...(deps.middleware ?? []).map((m) => (m instanceof Composer ? m.middleware() : m)),
  );
  const pipeline = new Composer(
    inbox({
      db,
      logger,
      now,
      holder: deps.claimHolder,
      sentMarks: deps.sentMarks,
      recheckBusy: deps.recheckBusy,
    }),
    commandAccess({ db }),
    routes.middleware(),
    dialogue,
  );

  return async function handle(incoming: IncomingMessage): Promise<Replies> {
    const msg = storableMessage(incoming);
    let locale: Locale = deps.defaultLocale;
    try {
      const contact = await resolveContact(db, msg, deps.defaultLocale);
      locale = contact.locale;
      const command = parseCommand(msg.text);
      const out = await pipeline.run({
        msg,
        contact,
        command,
        role: contact.secretariat ? "secretariat" : "participant",
        arrival: arrived(contact.id),
      });
      countTurn(msg.channel, "ok", command?.spec?.name ?? "message");
      return out;
    } catch (e) {
      logger.error({ err: e, channel: msg.channel, messageId: msg.messageId }, "message handling failed");
      countTurn(msg.channel, "error");
      return [{ text: [channelTexts(locale).apology] }];
    }
  };
}

/** Throws what the turn's save found: a state changed meanwhile (run again) or a claim lost. */
function expectSaved(r: TurnSaved, msg: IncomingMessage): void {
  if (!r.saved) throw new StaleState("dialogue state changed meanwhile", { messageId: msg.messageId });
  if (!r.done) throw new DuplicateUpdate("claim lost", { channel: msg.channel, messageId: msg.messageId });
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
