import { randomUUID } from "node:crypto";
import type { Db } from "../createDatabase.ts";

/** Notifications go to the members of given proposals; the audience column says "everyone" of those. */
const AUDIENCE_JSON = JSON.stringify({ version: 1, filters: [] });

/** Where a per-person list of proposal codes goes in a notification text. */
export const CODES_PLACEHOLDER = "{{codes}}";

export interface NotificationRows {
  competitionId: string;
  /** The people: every member of these proposals' units, once each. */
  proposalIds: readonly string[];
  /** Per language; CODES_PLACEHOLDER becomes the person's own codes among proposalIds. */
  texts: { id: string; en: string };
  /** The operator's summary (the delivery report shows it). */
  summary: string;
  /** First attempt (after quiet hours when not urgent). */
  firstAttemptAt: Date;
  urgent: boolean;
  createdById?: string;
  /** Skipped rows' reasons, as Delivery.lastError. */
  reasons: { optedOut: string; noIdentity: string };
}

/**
 * One notification as one outbox announcement, written in one statement (INSERT … SELECT): the
 * Announcement row and a Delivery per person on their preferred channel (Telegram before
 * WhatsApp; on WhatsApp the phone JID before a LID; then the newest identity), with their own
 * text in their language. Opted-out and unreachable people get a skipped row. 10,000 people
 * are one round trip, so queueing takes seconds whatever the audience.
 */
export async function insertNotification(
  db: Db,
  n: NotificationRows,
): Promise<{ announcementId: string; queued: number; skipped: number }> {
  const id = randomUUID();
  const at = n.firstAttemptAt.toISOString();
  const rows = await db.$queryRaw<{ status: string; n: bigint | number }[]>`
    WITH a AS (
      INSERT INTO "Announcement" (id, "competitionId", "createdById", text, audience, urgent, kind, status, "scheduledAt")
      VALUES (${id}, ${n.competitionId}, ${n.createdById ?? null}, ${n.summary}, ${AUDIENCE_JSON}::jsonb,
        ${n.urgent}, 'notification', 'queued', ${at}::timestamp)
      RETURNING id
    ), people AS (
      SELECT m."contactId", string_agg(DISTINCT p.code, ', ' ORDER BY p.code) AS codes
      FROM "Proposal" p JOIN "Membership" m ON m."unitId" = p."unitId"
      WHERE p.id = ANY(${[...n.proposalIds]}::text[])
      GROUP BY m."contactId"
    ), ins AS (
      INSERT INTO "Delivery" (id, "announcementId", "contactId", channel, "externalId", status, "lastError", "nextAttemptAt", text)
      SELECT gen_random_uuid()::text, a.id, pe."contactId", COALESCE(ci.channel, 'none'), COALESCE(ci."externalId", ''),
        CASE WHEN c."optedOut" OR ci.channel IS NULL THEN 'skipped' ELSE 'pending' END,
        CASE WHEN c."optedOut" THEN ${n.reasons.optedOut} WHEN ci.channel IS NULL THEN ${n.reasons.noIdentity} END,
        ${at}::timestamp,
        replace(CASE WHEN c.locale = 'en' THEN ${n.texts.en} ELSE ${n.texts.id} END, ${CODES_PLACEHOLDER}, pe.codes)
      FROM people pe CROSS JOIN a
      JOIN "Contact" c ON c.id = pe."contactId"
      LEFT JOIN LATERAL (
        SELECT i.channel, i."externalId" FROM "ChannelIdentity" i
        WHERE i."contactId" = pe."contactId" AND i.channel IN ('telegram', 'whatsapp')
        ORDER BY (i.channel = 'telegram') DESC, (i."externalId" LIKE '%@s.whatsapp.net') DESC, i."createdAt" DESC, i.id
        LIMIT 1
      ) ci ON true
      RETURNING status
    )
    SELECT status, count(*) AS n FROM ins GROUP BY status`;
  const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { announcementId: id, queued: count("pending"), skipped: count("skipped") };
}

/** The competition's time zone (for quiet hours). */
export async function competitionTimezone(db: Db, competitionId: string): Promise<string | undefined> {
  const c = await db.competition.findUnique({ where: { id: competitionId }, select: { timezone: true } });
  return c?.timezone;
}
