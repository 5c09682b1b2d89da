import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from "grammy/types";
import { channelTexts } from "../../core/i18n/channelTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { Choice } from "../../core/messages.ts";

/** Labels up to this many characters may share a row with others. */
const SHORT_LABEL = 14;
/** Labels this short (numbers, "Ya") may sit four to a row. */
const TINY_LABEL = 3;
const ROW_CHARS = 30;

/**
 * One button per row unless labels are short: short labels share rows (three, or four when
 * tiny), so "[Perbaiki] [Tambah]" sits on one line and "Bagian berikutnya" gets its own.
 */
export function inlineKeyboard(choices: readonly Choice[]): InlineKeyboardMarkup {
  const rows = layoutRows(choices).map((row) => row.map((c) => ({ text: c.label, callback_data: c.id })));
  return { inline_keyboard: rows };
}

/**
 * A reply keyboard with the "share my phone number" button. Choices offered in the same
 * message become plain text buttons under it: pressing one sends its label as text, which the
 * app matches like a typed answer (Telegram allows one keyboard per message).
 */
export function contactKeyboard(locale: Locale, choices: readonly Choice[] = []): ReplyKeyboardMarkup {
  const share = [{ text: channelTexts(locale).sharePhoneButton, request_contact: true }];
  const rest = layoutRows(choices).map((row) => row.map((c) => ({ text: c.label })));
  return { keyboard: [share, ...rest], one_time_keyboard: true, resize_keyboard: true };
}

function layoutRows<T extends { label: string }>(items: readonly T[]): T[][] {
  const rows: T[][] = [];
  let row: T[] = [];
  const flush = () => {
    if (row.length > 0) rows.push(row);
    row = [];
  };
  for (const item of items) {
    const length = [...item.label].length;
    if (length > SHORT_LABEL) {
      flush();
      rows.push([item]);
      continue;
    }
    const tiny = length <= TINY_LABEL && row.every((r) => [...r.label].length <= TINY_LABEL);
    const chars = row.reduce((sum, r) => sum + [...r.label].length, 0) + length;
    if (row.length >= (tiny ? 4 : 3) || chars > ROW_CHARS) flush();
    row.push(item);
  }
  flush();
  return rows;
}
