import type { Locale } from "../../core/i18n/locale.ts";
import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { Choice } from "../../core/messages.ts";

/** The "Tanya sekretariat" button (under /status, and after the bot missed twice). */
export function askChoice(locale: Locale): Choice {
  return { id: "tk:ask", label: ticketTexts(locale).askSecretariat };
}
