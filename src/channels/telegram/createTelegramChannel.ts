import { autoRetry } from "@grammyjs/auto-retry";
import { type RunnerHandle, run, sequentialize } from "@grammyjs/runner";
import { Api, Bot, type Context, GrammyError, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Hono } from "hono";
import type { Logger } from "pino";
import type { ChannelState } from "../../core/channelState.ts";
import type { ChannelSender, MessageHandler, OutgoingMessage } from "../../core/messages.ts";
import * as metrics from "../../http/metrics.ts";
import { channelText } from "../channelTexts.ts";
import { publishBotCommands, timeoutSignal } from "./botCommands.ts";
import { createFileFetcher } from "./createFileFetcher.ts";
import { createTelegramSender } from "./createTelegramSender.ts";
import { createWebhookApp, type WebhookApp } from "./createWebhookApp.ts";
import { DEFAULT_FLOOD, type FloodOptions, floodGuard } from "./floodGuard.ts";
import { InFlight } from "./InFlight.ts";
import { escapeHtml } from "./renderRichText.ts";
import { sendOutgoing } from "./sendOutgoing.ts";
import { type MappedUpdate, toIncomingMessage } from "./toIncomingMessage.ts";
import { withTypingIndicator } from "./withTypingIndicator.ts";

/** Dependencies of the Telegram channel, wired in main.ts. */
export interface TelegramChannelDeps {
  token: string;
  /** grammY client.apiRoot: the fake server in tests, a self-hosted Bot API server. */
  apiRoot?: string;
  /** Webhook mode serves `channel.webhook` on the bot's HTTP server (src/http), under the URL's path. */
  mode: { kind: "polling" } | { kind: "webhook"; url: string; secret: string };
  /** The app; returns the replies to send. */
  handler: MessageHandler;
  logger: Logger;
  /** Skips getMe at start when given. */
  botUsername?: string;
  /** Larger documents are refused with channelTexts.fileTooLarge; default 10 MB. */
  maxFileBytes?: number;
  /** Inbound per-user limit; default 30 updates a minute. */
  flood?: FloodOptions;
  /** Told when the channel connects or stops for good (401/409 from getUpdates). */
  onState?: (state: ChannelState) => void;
}

export interface TelegramChannel {
  sender: ChannelSender;
  start(): Promise<void>;
  /** Stops receiving and resolves once every update in flight has been handled. */
  stop(): Promise<void>;
  /** Webhook mode: the sub-app to mount on the HTTP server before start(). */
  webhook?: Hono;
}

const DEFAULT_API_ROOT = "https://api.telegram.org";
const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
const ALLOWED_UPDATES = ["message", "callback_query"] as const;
const STARTUP_TIMEOUT_MS = 60_000;
/**
 * Replies wait out a 429 (up to a minute) and back off on 5xx: a reply is worth a delay, and
 * nothing is lost. Network errors are retried by the plugin without a cap.
 */
const REPLY_RETRY = { maxDelaySeconds: 60, maxRetryAttempts: 5 };

type TelegramContext = Context & { mapped?: MappedUpdate };

/**
 * The Telegram adapter: receives updates (long polling through @grammyjs/runner, or a
 * webhook), hands private-chat messages to the app one chat at a time, renders the replies,
 * and offers a ChannelSender for messages the app starts itself.
 */
export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const apiRoot = (deps.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, "");
  const logger = deps.logger.child({ channel: "telegram" });
  const maxFileBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const bot = new Bot<TelegramContext>(deps.token, {
    client: { apiRoot },
    ...(deps.botUsername ? { botInfo: botInfoFor(deps.token, deps.botUsername) } : {}),
  });
  bot.api.config.use(logApiFailures(logger), autoRetry(REPLY_RETRY));
  // No auto-retry: the sender's callers pace themselves, and "typing" is not worth a wait.
  const directApi = new Api(deps.token, { apiRoot });
  directApi.config.use(logApiFailures(logger));
  const sender = createTelegramSender({ api: directApi, retryingApi: bot.api, logger });
  const fileFetcher = createFileFetcher({ api: bot.api, token: deps.token, apiRoot, maxFileBytes });
  const username = () => deps.botUsername ?? bot.botInfo.username;
  const updates = new InFlight();

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
      directApi.sendChatAction(chatId, "typing").then(
        () => undefined,
        (err: unknown) => log.debug({ err }, "chat action failed"),
      );
    let replies: OutgoingMessage[];
    try {
      replies = await withTypingIndicator(() => deps.handler(mapped.message), typing);
    } catch (err) {
      log.error({ err }, "message handler failed; sent an apology");
      await say(chatId, channelText("apology", locale), log);
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
      // Later messages (LLM advice) come inside this chat's turn, so they stay in order.
      const later = followUpOf(replies);
      if (later) await deliver(await withTypingIndicator(() => settle(later, log), typing), false);
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
          return await answerQuery(mapped.callbackQueryId, log, channelText("staleButton", mapped.locale));
        case "groupCommand":
          return await say(
            mapped.chatId,
            `${channelText("groupPointer", mapped.locale)}https://t.me/${username()}`,
            log,
          );
        case "fileTooLarge":
          return await say(mapped.chatId, channelText("fileTooLarge", mapped.locale), log);
      }
    } catch (err) {
      log.error({ err }, "update failed");
    }
  }

  bot.use((_ctx, next) => updates.track(next()));
  bot.use(async (ctx, next) => {
    ctx.mapped = toIncomingMessage(ctx.update, {
      botId: deps.token.split(":")[0],
      botUsername: username(),
      maxFileBytes,
      fileFetcher,
    });
    if (ctx.mapped.kind !== "ignore") await next();
  });
  bot.use(
    floodGuard<TelegramContext>(deps.flood ?? DEFAULT_FLOOD, async (ctx) => {
      const locale = ctx.mapped && "locale" in ctx.mapped ? ctx.mapped.locale : "id";
      const log = logger.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id });
      log.info({ userId: ctx.from?.id }, "flood limit reached; further messages dropped this window");
      if (ctx.chat) await say(ctx.chat.id, channelText("flood", locale), log);
    }),
  );
  // One chat's updates stay in order; other chats proceed meanwhile.
  bot.use(sequentialize<TelegramContext>((ctx) => ctx.chat?.id.toString()));
  bot.use((ctx) => handle(ctx.mapped!, ctx.update.update_id));
  bot.catch((err) =>
    logger.error({ err: err.error, updateId: err.ctx.update.update_id }, "unhandled update error"),
  );

  const mode = deps.mode;
  let runner: RunnerHandle | undefined;
  let stopping: Promise<void> | undefined;
  const webhook: WebhookApp | undefined =
    mode.kind === "webhook"
      ? createWebhookApp({ bot, secret: mode.secret, logger, stopping: () => stopping !== undefined })
      : undefined;

  const channel: TelegramChannel = {
    sender,
    async start() {
      await bot.init(timeoutSignal(STARTUP_TIMEOUT_MS));
      await publishBotCommands(bot.api, logger, timeoutSignal(STARTUP_TIMEOUT_MS));
      if (mode.kind === "polling") {
        await bot.api.deleteWebhook({ drop_pending_updates: false }, timeoutSignal(STARTUP_TIMEOUT_MS));
        runner = run(bot, { runner: { silent: true, fetch: { allowed_updates: ALLOWED_UPDATES } } });
        runner.task()?.catch((err: unknown) => {
          logger.fatal({ err }, "long polling stopped");
          const code = err instanceof GrammyError ? err.error_code : undefined;
          const reason = code === 409 ? "conflict" : code === 401 ? "unauthorized" : "polling_stopped";
          deps.onState?.({ state: "fatal", reason });
        });
      } else {
        await bot.api.setWebhook(mode.url, { secret_token: mode.secret, allowed_updates: ALLOWED_UPDATES });
      }
      deps.onState?.({ state: "connected" });
      logger.info({ mode: mode.kind, username: username() }, "telegram channel started");
    },
    stop() {
      stopping ??= (async () => {
        // The webhook stays registered: Telegram keeps updates queued until the next start.
        await runner?.stop();
        await webhook?.drain();
        await updates.drain();
        logger.info("telegram channel stopped");
      })();
      return stopping;
    },
  };
  if (webhook) channel.webhook = webhook.app;
  return channel;
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

/** The getMe answer, when the username is configured; the bot id is the token's prefix. */
function botInfoFor(token: string, username: string): UserFromGetMe {
  return {
    id: Number(token.split(":")[0]),
    is_bot: true,
    first_name: username,
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** Logs each failed attempt (the transformer sits under auto-retry); never the payload. */
function logApiFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        if (result.error_code === 429) metrics.rateLimited.inc({ channel: "telegram" });
        const loud = method === "getUpdates" || result.error_code === 429 || result.error_code >= 500;
        logger[loud ? "warn" : "debug"](
          {
            method,
            errorCode: result.error_code,
            description: result.description,
            retryAfter: result.parameters?.retry_after,
          },
          "Bot API call failed",
        );
      }
      return result;
    } catch (err) {
      if (!signal?.aborted) logger.warn({ method, err }, "Bot API call failed (network)");
      throw err;
    }
  };
}
