import { broadcastTexts } from "../../core/i18n/broadcastTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { OutgoingMessage } from "../../core/messages.ts";

/** What a recipient sees: who it is from, the text, and how to stop receiving announcements. */
export function renderDelivery(d: {
  kind: string;
  /** Given for real deliveries (not previews): marks the message as one the bot starts. */
  competitionId?: string;
  competitionName: string;
  locale: string;
  text: string;
}): OutgoingMessage {
  // A notification (stage change, released scores) is its own text, as a reply would be.
  if (d.kind === "notification") return { text: [d.text.trim()] };
  const locale: Locale = d.locale === "en" ? "en" : "id";
  const t = broadcastTexts(locale);
  const header =
    d.kind === "reminder" ? t.reminderHeader(d.competitionName) : t.announcementHeader(d.competitionName);
  const purpose =
    d.kind === "reminder" ? "reminder" : d.kind === "broadcast" ? "announcement" : "notification";
  const text = [{ b: header }, "\n\n", d.text.trim(), "\n\n", { i: t.footer }];
  if (!d.competitionId) return { text };
  return {
    text,
    initiated: {
      purpose,
      competitionId: d.competitionId,
      competitionName: d.competitionName,
      body: d.text.trim(),
    },
  };
}
