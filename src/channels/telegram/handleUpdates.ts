import { sequentialize } from "@grammyjs/runner";
import type { Api, Bot, Context } from "grammy";
import { GrammyError } from "grammy";
import type { Logger } from "pino";
import { channelTexts } from "../../core/i18n/channelTexts.ts";
import { confirmDelivered, type MessageHandler, type OutgoingMessage } from "../../core/messages.ts";
import type { UpdateInbox } from "../../db/queries/inboxUpdates.ts";
import { type FloodOptions, floodGuard } from "./floodGuard.ts";
import type { InFlight } from "./InFlight.ts";
import { escapeHtml } from "./renderRichText.ts";
import { sendOutgoing } from "./sendOutgoing.ts";
import { type MappedUpdate, toIncomingMessage } from "./toIncomingMessage.ts";
import { withTypingIndicator } from "./withTypingIndicator.ts";

export type TelegramContext = Context & { mapped?: MappedUpdate };

/** What the update handling needs from the channel (createTelegramChannel). */
export interface HandleUpdatesDeps {
  /** The app; returns the replies to send. */
  handler: MessageHandler;
  logger: Logger;
  /** For "typing": no auto-retry, a chat action is not worth a wait. */
  directApi: Api;
  /** The token's prefix. */
  botId: string | undefined;
  username: () => string;
  maxFileBytes: number;
  fileFetcher: (fileId: string) => () => Promise<Uint8Array>;
  flood: FloodOptions;
  /** Polling mode: a handled update is cleared from it. */
  inbox?: UpdateInbox;
  /** Every update and follow-up in flight; the channel drains it when it stops. */
  updates: InFlight;
}

/**
 * The bot's middleware: maps each update, drops floods, hands private-chat messages to the app
 * one chat at a time and renders the replies; group commands, stale buttons and oversized files
 * get a short answer of the adapter's own.
 */
export function handleUpdates(bot: Bot<TelegramContext>, deps: HandleUpdatesDeps): void {
  const { logger, updates, maxFileBytes, fileFetcher, username } = deps;

  async function say(chatId: number, text: string, log: Logger): Promise<void> {
    await bot.api
      .sendMessage(chatId, escapeHtml(text), { parse_mode: "HTML" })
      .catch((err: unknown) => log.warn({ err }, "could not send an adapter message"));
  }

  async function answerQuery(id: string, log: Logger, text?: string): Promise<void> {
    await bot.api
      .answerCallbackQuery(id, text ? { text } : {})
      .catch((err: unknown) => log.debug({ err }, "could not answer a callback query"));
  }

  async function converse(mapped: Extract<MappedUpdate, { kind: "message" }>, log: Logger): Promise<void> {
    const { chatId, locale } = mapped;
    if (mapped.callbackQueryId) await answerQuery(mapped.callbackQueryId, log);
    const started = Date.now();
    const typing = () =>
      deps.directApi.sendChatAction(chatId, "typing").then(
        () => undefined,
        (err: unknown) => log.debug({ err }, "chat action failed"),
      );
    let replies: OutgoingMessage[];
    try {
      replies = await withTypingIndicator(() => deps.handler(mapped.message), typing);
    } catch (err) {
      log.error({ err }, "message handler failed; sent an apology");
      await say(chatId, channelTexts(locale).apology, log);
      return;
    }
    const deliver = async (messages: OutgoingMessage[], removeKeyboard: boolean) => {
      for (const [index, reply] of messages.entries()) {
        const opts = { locale, removeKeyboard: removeKeyboard && index === 0, logger: log };
        await sendOutgoing({ first: bot.api, rest: bot.api }, chatId, reply, opts);
      }
    };
    try {
      await deliver(replies, mapped.sharedContact);
      await confirmDelivered(replies);
      // Later messages (LLM advice) go out when ready, outside this chat's turn: the person's next
      // message is answered at once (the app labels advice that arrives after they moved on).
      const later = followUpOf(replies);
      if (later)
        void updates.track(
          settle(later, log)
            .then((messages) => deliver(messages, false))
            .catch((err: unknown) => log.warn({ err }, "could not deliver the follow-up")),
        );
    } catch (err) {
      const unreachable = err instanceof GrammyError && err.error_code === 403;
      log[unreachable ? "warn" : "error"]({ err }, "could not deliver the replies");
    }
    log.debug({ durationMs: Date.now() - started, replies: replies.length }, "message handled");
  }

  async function handle(mapped: MappedUpdate, updateId: number): Promise<void> {
    if (mapped.kind === "ignore") return;
    const chatId = "chatId" in mapped ? mapped.chatId : undefined;
    const log = logger.child({ updateId, chatId });
    try {
      switch (mapped.kind) {
        case "message":
          return await converse(mapped, log);
        case "staleButton":
          return await answerQuery(mapped.callbackQueryId, log, channelTexts(mapped.locale).staleButton);
        case "groupCommand":
          return await say(
            mapped.chatId,
            `${channelTexts(mapped.locale).groupPointer}https://t.me/${username()}`,
            log,
          );
        case "fileTooLarge":
          return await say(mapped.chatId, channelTexts(mapped.locale).fileTooLarge, log);
      }
    } catch (err) {
      log.error({ err }, "update failed");
    }
  }

  bot.use((ctx, next) =>
    updates.track(
      next().then(() =>
        deps.inbox
          ?.done(String(ctx.update.update_id))
          .catch((err: unknown) => logger.warn({ err }, "could not clear a handled update from the inbox")),
      ),
    ),
  );
  bot.use(async (ctx, next) => {
    ctx.mapped = toIncomingMessage(ctx.update, {
      botId: deps.botId,
      botUsername: username(),
      maxFileBytes,
      fileFetcher,
    });
    if (ctx.mapped.kind !== "ignore") await next();
  });
  bot.use(
    floodGuard<TelegramContext>(deps.flood, async (ctx) => {
      const locale = ctx.mapped && "locale" in ctx.mapped ? ctx.mapped.locale : "id";
      const log = logger.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id });
      log.info({ userId: ctx.from?.id }, "flood limit reached; further messages dropped this window");
      if (ctx.chat) await say(ctx.chat.id, channelTexts(locale).flood, log);
    }),
  );
  // One chat's updates stay in order; other chats proceed meanwhile.
  bot.use(sequentialize<TelegramContext>((ctx) => ctx.chat?.id.toString()));
  bot.use((ctx) => handle(ctx.mapped!, ctx.update.update_id));
  bot.catch((err) =>
    logger.error({ err: err.error, updateId: err.ctx.update.update_id }, "unhandled update error"),
  );
}

/**
 * Replies may carry `followUp`, a promise of messages that come later (LLM advice after the
 * instant rule check); read structurally so the adapter works with plain arrays too.
 */
function followUpOf(replies: OutgoingMessage[]): Promise<OutgoingMessage[]> | undefined {
  return (replies as OutgoingMessage[] & { followUp?: Promise<OutgoingMessage[]> }).followUp;
}

async function settle(later: Promise<OutgoingMessage[]>, log: Logger): Promise<OutgoingMessage[]> {
  try {
    return await later;
  } catch (err) {
    log.warn({ err }, "follow-up messages failed; skipped");
    return [];
  }
}
