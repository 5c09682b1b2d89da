import type { Api } from "grammy";
import type { Logger } from "pino";
import type { ChannelSender, OutgoingMessage } from "../../core/messages.ts";
import { planEdit } from "./planOutgoing.ts";
import { sendOutgoing } from "./sendOutgoing.ts";
import { isNotModified, toSendError } from "./toSendError.ts";

export interface TelegramSenderDeps {
  /** An API without auto-retry: the broadcast worker sees every 429 and paces itself. */
  api: Api;
  /** The retrying API, used for the second and later parts of a split message. */
  retryingApi: Api;
  logger: Logger;
}

/**
 * Outbound side of the Telegram channel (notifications, broadcasts, progress edits). Errors
 * come out as PermanentSendError / TransientSendError; a 429 on the first call is not waited
 * out here but returned with retryAfterMs. Messages have no locale, so a "share my phone
 * number" button is labelled in Indonesian.
 */
export function createTelegramSender(deps: TelegramSenderDeps): ChannelSender {
  const apis = { first: deps.api, rest: deps.retryingApi };
  return {
    name: "telegram",
    async send(chatId: string, msg: OutgoingMessage) {
      try {
        const id = await sendOutgoing(apis, chatId, msg, { locale: "id", logger: deps.logger });
        if (id === undefined) throw new Error("Nothing to send: the message has no text and no document");
        return { messageId: String(id) };
      } catch (err) {
        throw toSendError(err, { chatId });
      }
    },
    async edit(chatId: string, messageId: string, msg: OutgoingMessage) {
      const { html, truncated, markup } = planEdit(msg, "id");
      if (truncated) deps.logger.warn({ chatId, messageId }, "edit longer than one message; truncated");
      try {
        await deps.api.editMessageText(chatId, Number(messageId), html, {
          parse_mode: "HTML",
          ...(markup ? { reply_markup: markup } : {}),
        });
      } catch (err) {
        if (isNotModified(err)) return;
        throw toSendError(err, { chatId, messageId });
      }
    },
  };
}
