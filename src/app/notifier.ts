import { describe } from "../core/broadcast/deliveryPolicy.ts";
import { DEFAULT_QUIET_HOURS, firstAllowed, type QuietHours } from "../core/broadcast/quietHours.ts";
import type { Locale } from "../core/i18n/locale.ts";
import type { Db } from "../db/createDatabase.ts";
import { competitionTimezone, insertNotification } from "../db/queries/notifications.ts";

export { CODES_PLACEHOLDER } from "../db/queries/notifications.ts";

/** A message the bot starts itself about some proposals (a stage change, released scores). */
export interface Notification {
  competitionId: string;
  /** Every member of these proposals' units is told once. */
  proposalIds: readonly string[];
  /** The text in a language; CODES_PLACEHOLDER becomes the person's own proposal codes. */
  text: (locale: Locale) => string;
  /** For the delivery report, e.g. "stage verifikasi: KP-7Q2M". */
  summary: string;
  actorId?: string;
  /** Also these people (the secretariat), and not these (the person it is about). */
  alsoContactIds?: readonly string[];
  exceptContactIds?: readonly string[];
  /** Only on this channel (a notice to someone's other account). */
  onlyChannel?: "telegram" | "whatsapp";
  /** Someone joined, accounts were linked: sent at once, also at night and to opted-out people. */
  security?: boolean;
}

export interface QueuedNotification {
  announcementId: string;
  /** People who will get it (on one channel each). */
  queued: number;
  /** Opted out or unreachable (recorded as skipped rows). */
  skipped: number;
}

/**
 * Tells people something outside a conversation by writing it to the outbox (ADR 0008): one
 * person, one message, on their preferred channel, sent by the dispatcher at the platform's
 * pace, after quiet hours, crash-safe and in the delivery report. Never sends inline.
 */
export interface Notifier {
  notify(n: Notification): Promise<QueuedNotification>;
}

export interface NotifierDeps {
  db: Db;
  /** Quiet hours hold notifications like announcements; null for none. */
  quietHours?: QuietHours | null;
  /** Told after something was queued (the in-process dispatcher polls at once). */
  onQueued?: () => void;
  now?: () => Date;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  const quiet = deps.quietHours === undefined ? DEFAULT_QUIET_HOURS : deps.quietHours;
  const now = deps.now ?? (() => new Date());
  return {
    async notify(n) {
      if (n.proposalIds.length === 0 && !n.alsoContactIds?.length)
        return { announcementId: "", queued: 0, skipped: 0 };
      const at = now();
      const tz = (await competitionTimezone(deps.db, n.competitionId)) ?? "Asia/Jakarta";
      const r = await insertNotification(deps.db, {
        competitionId: n.competitionId,
        people: { proposalIds: n.proposalIds },
        texts: { id: n.text("id"), en: n.text("en") },
        summary: n.summary,
        firstAttemptAt: quiet && !n.security ? firstAllowed(at, tz, quiet) : at,
        urgent: n.security === true,
        createdById: n.actorId,
        alsoContactIds: n.alsoContactIds,
        exceptContactIds: n.exceptContactIds,
        onlyChannel: n.onlyChannel,
        ignoreOptOut: n.security,
        reasons: {
          optedOut: describe("opted_out", "unsubscribed with /berhenti"),
          noIdentity: describe("no_identity", "no Telegram or WhatsApp identity"),
        },
      });
      if (r.queued > 0) deps.onQueued?.();
      return r;
    },
  };
}
