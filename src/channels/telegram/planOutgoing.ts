import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "grammy/types";
import { channelTexts } from "../../core/i18n/channelTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import {
  type OutgoingDocument,
  type OutgoingMessage,
  plainText,
  type RichText,
} from "../../core/messages.ts";
import { isValidCallbackData } from "./callbackData.ts";
import { contactKeyboard, inlineKeyboard } from "./keyboards.ts";
import { renderRichText } from "./renderRichText.ts";
import { CAPTION_LIMIT, MESSAGE_LIMIT, splitRichText } from "./splitRichText.ts";

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

/** One Bot API call needed to deliver an OutgoingMessage. */
export type TelegramStep =
  | { method: "sendMessage"; html: string; replyMarkup?: ReplyMarkup }
  | { method: "sendDocument"; document: OutgoingDocument; captionHtml?: string; replyMarkup?: ReplyMarkup };

export interface PlanOptions {
  locale: Locale;
  /** Take away a reply keyboard still on screen (after the user shared their phone number). */
  removeKeyboard?: boolean;
}

/**
 * Turns an OutgoingMessage into the Bot API calls that deliver it: long text split into
 * several messages, the keyboard on the last one, a document with the text as its caption
 * when it fits. Pure, so the rendering rules are tested without a server.
 */
export function planOutgoing(msg: OutgoingMessage, opts: PlanOptions): TelegramStep[] {
  const { text, markup } = withMarkup(msg, opts);
  const lastMarkup = markup ?? (opts.removeKeyboard ? { remove_keyboard: true as const } : undefined);
  const steps: TelegramStep[] = [];
  if (msg.document) {
    const caption = plainText(text).trim() !== "" && plainText(text).length <= CAPTION_LIMIT;
    if (!caption) for (const part of splitRichText(text, MESSAGE_LIMIT)) steps.push(message(part));
    steps.push({
      method: "sendDocument",
      document: msg.document,
      ...(caption ? { captionHtml: renderRichText(text) } : {}),
    });
  } else {
    for (const part of splitRichText(text, MESSAGE_LIMIT)) steps.push(message(part));
  }
  const last = steps.at(-1);
  if (last && lastMarkup) last.replyMarkup = lastMarkup;
  return steps;
}

/** The text and keyboard for an edit: edits carry inline keyboards only and must fit one message. */
export function planEdit(
  msg: OutgoingMessage,
  locale: Locale,
): { html: string; truncated: boolean; markup?: InlineKeyboardMarkup } {
  const { text, markup } = withMarkup({ ...msg, requestContact: false }, { locale });
  const parts = splitRichText(text, MESSAGE_LIMIT);
  const html = renderRichText(parts[0] ?? []);
  return { html, truncated: parts.length > 1, ...(markup && "inline_keyboard" in markup ? { markup } : {}) };
}

function message(part: RichText): TelegramStep {
  return { method: "sendMessage", html: renderRichText(part) };
}

/**
 * Chooses the keyboard. Choices whose ids cannot be callback data are rendered as a numbered
 * list instead (the app matches typed numbers), so a too-long id degrades, never fails.
 */
function withMarkup(msg: OutgoingMessage, opts: PlanOptions): { text: RichText; markup?: ReplyMarkup } {
  const choices = msg.choices ?? [];
  if (msg.requestContact) return { text: msg.text, markup: contactKeyboard(opts.locale, choices) };
  if (choices.length === 0) return { text: msg.text };
  if (choices.every((c) => isValidCallbackData(c.id)))
    return { text: msg.text, markup: inlineKeyboard(choices) };
  const list = choices.map((c, i) => `\n${i + 1}. ${c.label}`).join("");
  return { text: [...msg.text, `\n${list}\n\n`, { i: channelTexts(opts.locale).replyWithNumber }] };
}
