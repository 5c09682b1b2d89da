import { autoRetry } from "@grammyjs/auto-retry";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { Api, Bot, GrammyError } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Hono } from "hono";
import type { Logger } from "pino";
import type { ChannelState } from "../../core/channelState.ts";
import type { ChannelSender, MessageHandler } from "../../core/messages.ts";
import type { UpdateInbox } from "../../db/queries/inboxUpdates.ts";
import { createInboxReplay } from "../inboxReplay.ts";
import { logApiFailures, recordFetched } from "./apiTransformers.ts";
import { publishBotCommands, syncSecretariatMenus, timeoutSignal } from "./botCommands.ts";
import { createFileFetcher } from "./createFileFetcher.ts";
import { createTelegramSender } from "./createTelegramSender.ts";
import { createWebhookApp, type WebhookApp } from "./createWebhookApp.ts";
import { DEFAULT_FLOOD, type FloodOptions } from "./floodGuard.ts";
import { handleUpdates, type TelegramContext } from "./handleUpdates.ts";
import { InFlight } from "./InFlight.ts";

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
  /** Larger documents are refused with channelTexts(locale).fileTooLarge; default 10 MB. */
  maxFileBytes?: number;
  /** Inbound per-user limit; default 30 updates a minute. */
  flood?: FloodOptions;
  /** Told when the channel connects or stops for good (401/409 from getUpdates). */
  onState?: (state: ChannelState) => void;
  /** Private chats of the secretariat: they get the secretariat's menu (checked every few minutes). */
  secretariatChats?: () => Promise<string[]>;
  /** How often secretariatChats is read again; default 10 minutes. */
  menuRefreshMs?: number;
  /**
   * Polling mode: every fetched batch is recorded here before the next getUpdates confirms it to
   * Telegram, and what a killed process fetched but did not finish is handled at the next start.
   */
  inbox?: UpdateInbox;
  /**
   * With several processes (PostgreSQL): how often the inbox is checked for updates a process
   * that is gone received and did not finish; they are handled here. Unset: only at start.
   */
  inboxSweepMs?: number;
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
  if (deps.inbox) bot.api.config.use(recordFetched(deps.inbox));
  // No auto-retry: the sender's callers pace themselves, and "typing" is not worth a wait.
  const directApi = new Api(deps.token, { apiRoot });
  directApi.config.use(logApiFailures(logger));
  const sender = createTelegramSender({ api: directApi, retryingApi: bot.api, logger });
  const fileFetcher = createFileFetcher({ api: bot.api, token: deps.token, apiRoot, maxFileBytes });
  const username = () => deps.botUsername ?? bot.botInfo.username;
  const updates = new InFlight();
  let staffMenus: Set<string> = new Set();
  let menuTimer: NodeJS.Timeout | undefined;
  async function refreshStaffMenus(signal?: ReturnType<typeof timeoutSignal>): Promise<void> {
    if (!deps.secretariatChats) return;
    try {
      staffMenus = await syncSecretariatMenus(
        bot.api,
        logger,
        await deps.secretariatChats(),
        staffMenus,
        signal,
      );
    } catch (err) {
      logger.warn({ err }, "could not read the secretariat's chats for their menu");
    }
  }

  handleUpdates(bot, {
    handler: deps.handler,
    logger,
    directApi,
    botId: deps.token.split(":")[0],
    username,
    maxFileBytes,
    fileFetcher,
    flood: deps.flood ?? DEFAULT_FLOOD,
    inbox: deps.inbox,
    updates,
  });

  const mode = deps.mode;
  let runner: RunnerHandle | undefined;
  let stopping: Promise<void> | undefined;
  const webhook: WebhookApp | undefined =
    mode.kind === "webhook"
      ? createWebhookApp({
          bot,
          secret: mode.secret,
          logger,
          stopping: () => stopping !== undefined,
          ...(deps.inbox ? { record: inboxRecorder(deps.inbox) } : {}),
        })
      : undefined;

  /** Updates a killed process received (Telegram counts them delivered) but did not finish. */
  const replay = deps.inbox
    ? createInboxReplay({
        inbox: deps.inbox,
        logger,
        onRow: (u) => void updates.track(bot.handleUpdate(u.payload as Update).catch(() => undefined)),
      })
    : undefined;

  const channel: TelegramChannel = {
    sender,
    async start() {
      await bot.init(timeoutSignal(STARTUP_TIMEOUT_MS));
      await publishBotCommands(bot.api, logger, timeoutSignal(STARTUP_TIMEOUT_MS));
      await refreshStaffMenus(timeoutSignal(STARTUP_TIMEOUT_MS));
      if (deps.secretariatChats) {
        menuTimer = setInterval(() => void refreshStaffMenus(), deps.menuRefreshMs ?? 10 * 60_000);
        menuTimer.unref();
      }
      if (mode.kind === "polling") {
        await bot.api.deleteWebhook({ drop_pending_updates: false }, timeoutSignal(STARTUP_TIMEOUT_MS));
        await replay?.run();
        runner = run(bot, { runner: { silent: true, fetch: { allowed_updates: ALLOWED_UPDATES } } });
        runner.task()?.catch((err: unknown) => {
          logger.fatal({ err }, "long polling stopped");
          const code = err instanceof GrammyError ? err.error_code : undefined;
          const reason = code === 409 ? "conflict" : code === 401 ? "unauthorized" : "polling_stopped";
          deps.onState?.({ state: "fatal", reason });
        });
      } else {
        await bot.api.setWebhook(mode.url, { secret_token: mode.secret, allowed_updates: ALLOWED_UPDATES });
        await replay?.run();
      }
      if (deps.inboxSweepMs) replay?.sweep(deps.inboxSweepMs);
      deps.onState?.({ state: "connected" });
      logger.info({ mode: mode.kind, username: username() }, "telegram channel started");
    },
    stop() {
      stopping ??= (async () => {
        // The webhook stays registered: Telegram keeps updates queued until the next start.
        clearInterval(menuTimer);
        replay?.stop();
        await runner?.stop();
        await webhook?.drain();
        await updates.drain();
        await deps.inbox?.flush();
        logger.info("telegram channel stopped");
      })();
      return stopping;
    },
  };
  if (webhook) channel.webhook = webhook.app;
  return channel;
}

/** Webhook calls are recorded in the inbox before they are handled (and before Telegram gets its 200). */
function inboxRecorder(inbox: UpdateInbox): (update: Update) => Promise<void> {
  return (update) => inbox.record([{ updateId: String(update.update_id), payload: update }]);
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
