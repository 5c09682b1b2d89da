import { randomUUID } from "node:crypto";
import type { Audience } from "../../core/broadcast/audienceSchema.ts";
import { describe } from "../../core/broadcast/deliveryPolicy.ts";
import { firstAllowed, type QuietHours } from "../../core/broadcast/quietHours.ts";
import { KlinikError } from "../../core/errors.ts";
import type { Db } from "../../db/createDatabase.ts";
import {
  consumeAnnouncementDraft,
  insertAnnouncement,
  insertDeliveries,
} from "../../db/queries/announcements.ts";
import type { ProgressRef } from "./progressRef.ts";
import type { Recipient } from "./resolveAudience.ts";

export interface NewAnnouncement {
  competitionId: string;
  /** The competition's time zone, for quiet hours. */
  timezone: string;
  audience: Audience;
  text: string;
  recipients: readonly (Recipient & { text?: string })[];
  scheduledAt: Date;
  createdById?: string;
  urgent?: boolean;
  kind?: "broadcast" | "reminder";
  /** A once-only key; a second announcement with it is refused (Prisma P2002). */
  dedupeKey?: string;
  progressRef?: ProgressRef;
  /** Quiet hours that hold non-urgent deliveries; null for none. */
  quiet: QuietHours | null;
  /** The composer's chat draft, consumed in the same transaction (a second "Kirim" finds none). */
  draft?: { contactId: string; updatedAt: Date };
}

export interface CreatedAnnouncement {
  id: string;
  /** Deliveries waiting to be sent. */
  queued: number;
  /** Opted-out or unreachable people, recorded as skipped. */
  skipped: number;
}

/** The draft was consumed by an earlier confirmation. */
export class DraftGone extends KlinikError {
  override readonly name = "DraftGone";
}

const CHUNK = 5_000;

/**
 * The outbox write: the Announcement and one Delivery per person, in one transaction, so a crash
 * leaves either nothing or everything to send. Opted-out and unreachable people get a skipped
 * row (they show in the counts and the report); the others wait until the scheduled time,
 * moved out of quiet hours unless urgent.
 */
export async function createAnnouncement(db: Db, a: NewAnnouncement): Promise<CreatedAnnouncement> {
  const urgent = a.urgent ?? false;
  const firstAttempt = urgent || !a.quiet ? a.scheduledAt : firstAllowed(a.scheduledAt, a.timezone, a.quiet);
  const rows = a.recipients.map((r) => {
    const skip = r.optedOut ? "opted_out" : !r.channel || !r.externalId ? "no_identity" : undefined;
    return {
      id: randomUUID(),
      contactId: r.contactId,
      channel: r.channel ?? "none",
      externalId: r.externalId ?? "",
      status: skip ? "skipped" : "pending",
      lastError: skip
        ? describe(
            skip,
            skip === "opted_out" ? "unsubscribed with /berhenti" : "no Telegram or WhatsApp identity",
          )
        : null,
      text: r.text ?? null,
    };
  });
  const id = await db.$transaction(
    async (tx) => {
      if (a.draft && !(await consumeAnnouncementDraft(tx, a.draft.contactId, a.draft.updatedAt)))
        throw new DraftGone("draft already used");
      const created = await insertAnnouncement(tx, {
        competitionId: a.competitionId,
        createdById: a.createdById ?? null,
        text: a.text,
        audience: a.audience,
        urgent,
        kind: a.kind ?? "broadcast",
        scheduledAt: a.scheduledAt,
        dedupeKey: a.dedupeKey ?? null,
        progressRef: a.progressRef,
      });
      for (let i = 0; i < rows.length; i += CHUNK)
        await insertDeliveries(tx, created, rows.slice(i, i + CHUNK), firstAttempt);
      return created;
    },
    { timeout: 60_000 },
  );
  const skipped = rows.filter((r) => r.status === "skipped").length;
  return { id, queued: rows.length - skipped, skipped };
}
