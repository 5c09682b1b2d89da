import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Logger } from "pino";
import type { Role } from "../../core/commands/registry.ts";
import { menuEntries } from "../../core/commands/renderHelp.ts";
import type { Locale } from "../../core/i18n/locale.ts";

/** grammY's Node build types its signals with the abort-controller polyfill. */
export type GrammySignal = NonNullable<Parameters<Api["setMyCommands"]>[2]>;

/** An abort signal grammY accepts, firing after ms. */
export function timeoutSignal(ms: number): GrammySignal {
  return AbortSignal.timeout(ms) as unknown as GrammySignal;
}

/**
 * The command menu of a role, from the command registry, Indonesian first. The first command is
 * /mulai in Indonesian and /start in English (Telegram's Start button always sends /start).
 */
export function botCommands(locale: Locale, role: Role = "participant"): BotCommand[] {
  return menuEntries(locale, role);
}

/**
 * Publishes the participants' menu for everyone: Indonesian as the default (no language_code),
 * English for "en" users. A failure is logged, not fatal: the bot works without a menu.
 */
export async function publishBotCommands(api: Api, logger: Logger, signal?: GrammySignal): Promise<void> {
  try {
    await api.setMyCommands(botCommands("id"), {}, signal);
    await api.setMyCommands(botCommands("en"), { language_code: "en" }, signal);
  } catch (err) {
    logger.warn({ err }, "could not publish the bot command menu");
  }
}

/**
 * The secretariat's menu in their own chats (BotCommandScopeChat, which Telegram prefers over the
 * default scope): keeps the set of chats given a menu, adds new secretariat chats and gives a
 * removed one the participants' menu back. Returns the chats now holding the secretariat menu.
 */
export async function syncSecretariatMenus(
  api: Api,
  logger: Logger,
  want: readonly string[],
  have: ReadonlySet<string>,
  signal?: GrammySignal,
): Promise<Set<string>> {
  const now = new Set(have);
  for (const chatId of want) {
    if (now.has(chatId)) continue;
    try {
      const scope = { type: "chat", chat_id: Number(chatId) } as const;
      await api.setMyCommands(botCommands("id", "secretariat"), { scope }, signal);
      await api.setMyCommands(botCommands("en", "secretariat"), { scope, language_code: "en" }, signal);
      now.add(chatId);
    } catch (err) {
      logger.warn({ err }, "could not publish the secretariat menu in a chat");
    }
  }
  for (const chatId of have) {
    if (want.includes(chatId)) continue;
    try {
      const scope = { type: "chat", chat_id: Number(chatId) } as const;
      await api.deleteMyCommands({ scope }, signal);
      await api.deleteMyCommands({ scope, language_code: "en" }, signal);
      now.delete(chatId);
    } catch (err) {
      logger.warn({ err }, "could not remove the secretariat menu from a chat");
    }
  }
  return now;
}
