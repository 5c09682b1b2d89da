import { ASK_SECRETARIAT_CHOICE } from "../../core/dialogue/offerHelp.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { Choice } from "../../core/messages.ts";

/** The "Tanya sekretariat" button (under /status, and after the bot missed twice). */
export function askChoice(locale: Locale): Choice {
  return { id: ASK_SECRETARIAT_CHOICE, label: ticketTexts(locale).askSecretariat };
}
