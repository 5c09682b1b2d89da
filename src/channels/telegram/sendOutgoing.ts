import { type Api, InputFile } from "grammy";
import type { Logger } from "pino";
import type { OutgoingMessage } from "../../core/messages.ts";
import { isValidCallbackData } from "./callbackData.ts";
import { type PlanOptions, planOutgoing } from "./planOutgoing.ts";

export interface SendApis {
  /** Makes the first call; the sender passes an API without auto-retry so 429s reach the caller. */
  first: Api;
  /** Makes the following calls: once part of a message is out, finishing it beats resending it. */
  rest: Api;
}

/**
 * Delivers one OutgoingMessage to a chat and returns the id of the last Telegram message
 * sent, or undefined when there was nothing to send (empty text and no document).
 */
export async function sendOutgoing(
  apis: SendApis,
  chatId: number | string,
  msg: OutgoingMessage,
  opts: PlanOptions & { logger: Logger },
): Promise<number | undefined> {
  const unsendable = (msg.choices ?? [])
    .filter((c) => !isValidCallbackData(c.id))
    .map((c) => c.id.slice(0, 80));
  if (unsendable.length > 0) {
    opts.logger.warn({ unsendable }, "choice ids cannot be callback data; sent as a numbered list");
  }
  const steps = planOutgoing(msg, opts);
  if (steps.length === 0)
    opts.logger.warn({ chatId }, "outgoing message has no text and no document; skipped");
  let lastId: number | undefined;
  for (const [index, step] of steps.entries()) {
    const api = index === 0 ? apis.first : apis.rest;
    const markup = step.replyMarkup ? { reply_markup: step.replyMarkup } : {};
    if (step.method === "sendMessage") {
      lastId = (await api.sendMessage(chatId, step.html, { parse_mode: "HTML", ...markup })).message_id;
    } else {
      // A Uint8Array InputFile can be re-read, so auto-retry may resend it after a 429.
      const file = new InputFile(step.document.data, step.document.fileName);
      const caption = step.captionHtml ? { caption: step.captionHtml, parse_mode: "HTML" as const } : {};
      lastId = (await api.sendDocument(chatId, file, { ...caption, ...markup })).message_id;
    }
  }
  return lastId;
}
