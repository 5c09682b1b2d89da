import { randomUUID } from "node:crypto";
import type { Audience } from "../../core/broadcast/audienceSchema.ts";
import { describe } from "../../core/broadcast/deliveryPolicy.ts";
import { firstAllowed, type QuietHours } from "../../core/broadcast/quietHours.ts";
import { KlinikError } from "../../core/errors.ts";
import type { Db } from "../../db/createDatabase.ts";
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
  const at = firstAttempt.toISOString();
  const id = await db.$transaction(
    async (tx) => {
      if (a.draft) {
        const gone = await tx.announcementDraft.deleteMany({
          where: { contactId: a.draft.contactId, updatedAt: a.draft.updatedAt },
        });
        if (gone.count === 0) throw new DraftGone("draft already used");
      }
      const created = await tx.announcement.create({
        data: {
          competitionId: a.competitionId,
          createdById: a.createdById ?? null,
          text: a.text,
          audience: a.audience,
          urgent,
          kind: a.kind ?? "broadcast",
          status: "queued",
          scheduledAt: a.scheduledAt,
          dedupeKey: a.dedupeKey ?? null,
          ...(a.progressRef ? { progressRef: a.progressRef } : {}),
        },
        select: { id: true },
      });
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await tx.$executeRaw`
          INSERT INTO "Delivery" (id, "announcementId", "contactId", channel, "externalId", status, "lastError", "nextAttemptAt", text)
          SELECT t.id, ${created.id}, t.cid, t.ch, t.ext, t.st, t.err, ${at}::timestamp, t.txt
          FROM unnest(${chunk.map((r) => r.id)}::text[], ${chunk.map((r) => r.contactId)}::text[],
            ${chunk.map((r) => r.channel)}::text[], ${chunk.map((r) => r.externalId)}::text[],
            ${chunk.map((r) => r.status)}::text[], ${chunk.map((r) => r.lastError)}::text[],
            ${chunk.map((r) => r.text)}::text[]) AS t(id, cid, ch, ext, st, err, txt)`;
      }
      return created.id;
    },
    { timeout: 60_000 },
  );
  const skipped = rows.filter((r) => r.status === "skipped").length;
  return { id, queued: rows.length - skipped, skipped };
}
