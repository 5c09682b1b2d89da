import { randomUUID } from "node:crypto";
import type { Db } from "../createDatabase.ts";

const AUDIENCE_JSON = JSON.stringify({ version: 1, filters: [] });

export interface DirectNotificationRows {
  competitionId: string;
  /** The people, each once; `channel` puts that channel first (answers go where the question came from). */
  recipients: readonly { contactId: string; channel?: string }[];
  texts: { id: string; en: string };
  summary: string;
  firstAttemptAt: Date;
  createdById?: string;
  reasons: { noIdentity: string };
}

/**
 * A message to named people (a ticket's asker, the secretariat) as one outbox announcement in
 * one statement, like insertNotification: a Delivery per person on the asked-for channel when
 * they have it, else Telegram before WhatsApp, in their language, sent as its own text (kind
 * "notification", no announcement header). Answers to a person's own
 * question are not announcements, so opting out of announcements does not hold them.
 */
export async function insertDirectNotification(
  db: Db,
  n: DirectNotificationRows,
): Promise<{ announcementId: string; queued: number; skipped: number }> {
  const unique = [...new Map(n.recipients.map((r) => [r.contactId, r])).values()];
  if (unique.length === 0) return { announcementId: "", queued: 0, skipped: 0 };
  const id = randomUUID();
  const at = n.firstAttemptAt.toISOString();
  const rows = await db.$queryRaw<{ status: string; n: bigint | number }[]>`
    WITH a AS (
      INSERT INTO "Announcement" (id, "competitionId", "createdById", text, audience, urgent, kind, status, "scheduledAt")
      VALUES (${id}, ${n.competitionId}, ${n.createdById ?? null}, ${n.summary}, ${AUDIENCE_JSON}::jsonb,
        false, 'notification', 'queued', ${at}::timestamp)
      RETURNING id
    ), people AS (
      SELECT * FROM unnest(${unique.map((r) => r.contactId)}::text[], ${unique.map((r) => r.channel ?? "")}::text[])
        AS t("contactId", channel)
    ), ins AS (
      INSERT INTO "Delivery" (id, "announcementId", "contactId", channel, "externalId", status, "lastError", "nextAttemptAt", text)
      SELECT gen_random_uuid()::text, a.id, pe."contactId", COALESCE(ci.channel, 'none'), COALESCE(ci."externalId", ''),
        CASE WHEN ci.channel IS NULL THEN 'skipped' ELSE 'pending' END,
        CASE WHEN ci.channel IS NULL THEN ${n.reasons.noIdentity} END,
        ${at}::timestamp,
        CASE WHEN c.locale = 'en' THEN ${n.texts.en} ELSE ${n.texts.id} END
      FROM people pe CROSS JOIN a
      JOIN "Contact" c ON c.id = pe."contactId"
      LEFT JOIN LATERAL (
        SELECT i.channel, i."externalId" FROM "ChannelIdentity" i
        WHERE i."contactId" = pe."contactId" AND i.channel IN ('telegram', 'whatsapp', 'console')
        ORDER BY (i.channel = pe.channel) DESC, (i.channel = 'telegram') DESC, (i.channel = 'console'),
          (i."externalId" LIKE '%@s.whatsapp.net') DESC, i."createdAt" DESC, i.id
        LIMIT 1
      ) ci ON true
      RETURNING status
    )
    SELECT status, count(*) AS n FROM ins GROUP BY status`;
  const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { announcementId: id, queued: count("pending"), skipped: count("skipped") };
}
