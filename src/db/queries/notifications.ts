import { randomUUID } from "node:crypto";
import type { Db } from "../createDatabase.ts";
import { Prisma } from "../generated/client.ts";

/** Notifications go to the members of given proposals; the audience column says "everyone" of those. */
const AUDIENCE_JSON = JSON.stringify({ version: 1, filters: [] });

/** Where a per-person list of proposal codes goes in a notification text. */
export const CODES_PLACEHOLDER = "{{codes}}";

export interface NotificationRows {
  competitionId: string;
  /** The people: every member of these proposals' units, or the secretariat of every competition. */
  people: { proposalIds: readonly string[] } | { secretariat: true };
  /** A channel not to use (it is down); the person's next channel is taken. */
  avoidChannel?: string;
  /** Makes the notification happen once (a second insert with it adds nothing). */
  dedupeKey?: string;
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
  /** Also these people (e.g. the secretariat), with the proposals' codes. */
  alsoContactIds?: readonly string[];
  /** Not these people (e.g. the one who joined). */
  exceptContactIds?: readonly string[];
  /** Only this channel's identity (a notice to "your other account"); default the preferred one. */
  onlyChannel?: "telegram" | "whatsapp";
  /** A security notice (someone joined, accounts linked): sent to opted-out people too. */
  ignoreOptOut?: boolean;
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
      INSERT INTO "Announcement" (id, "competitionId", "createdById", text, audience, urgent, kind, status, "scheduledAt", "dedupeKey")
      VALUES (${id}, ${n.competitionId}, ${n.createdById ?? null}, ${n.summary}, ${AUDIENCE_JSON}::jsonb,
        ${n.urgent}, 'notification', 'queued', ${at}::timestamp, ${n.dedupeKey ?? null})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING id
    ), people AS (${people(n)}), ins AS (
      INSERT INTO "Delivery" (id, "announcementId", "contactId", channel, "externalId", status, "lastError", "nextAttemptAt", text)
      SELECT gen_random_uuid()::text, a.id, pe."contactId", COALESCE(ci.channel, 'none'), COALESCE(ci."externalId", ''),
        CASE WHEN (c."optedOut" AND NOT ${n.ignoreOptOut === true}) OR ci.channel IS NULL THEN 'skipped' ELSE 'pending' END,
        CASE WHEN (c."optedOut" AND NOT ${n.ignoreOptOut === true}) THEN ${n.reasons.optedOut}
          WHEN ci.channel IS NULL THEN ${n.reasons.noIdentity} END,
        ${at}::timestamp,
        replace(CASE WHEN c.locale = 'en' THEN ${n.texts.en} ELSE ${n.texts.id} END, ${CODES_PLACEHOLDER}, pe.codes)
      FROM people pe CROSS JOIN a
      JOIN "Contact" c ON c.id = pe."contactId"
      LEFT JOIN LATERAL (
        SELECT i.channel, i."externalId" FROM "ChannelIdentity" i
        WHERE i."contactId" = pe."contactId" AND i.channel IN ('telegram', 'whatsapp')
          AND i.channel <> ${n.avoidChannel ?? ""}
          AND (${n.onlyChannel ?? ""} = '' OR i.channel = ${n.onlyChannel ?? ""})
        ORDER BY (i.channel = 'telegram') DESC, (i."externalId" LIKE '%@s.whatsapp.net') DESC, i."createdAt" DESC, i.id
        LIMIT 1
      ) ci ON true
      RETURNING status
    )
    SELECT status, count(*) AS n FROM ins GROUP BY status`;
  const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { announcementId: id, queued: count("pending"), skipped: count("skipped") };
}

/** (contactId, codes) of the people a notification goes to, with the extra and without the excepted. */
function people(n: NotificationRows): Prisma.Sql {
  const except = [...(n.exceptContactIds ?? [])];
  if ("secretariat" in n.people)
    return Prisma.sql`
      SELECT DISTINCT s."contactId", '' AS codes FROM "StaffRole" s
      WHERE s.role = 'secretariat' AND s."contactId" <> ALL(${except}::text[])`;
  const ids = [...n.people.proposalIds];
  return Prisma.sql`
    SELECT x."contactId", COALESCE(string_agg(DISTINCT x.code, ', ' ORDER BY x.code), '') AS codes FROM (
      SELECT m."contactId", p.code
      FROM "Proposal" p JOIN "Membership" m ON m."unitId" = p."unitId"
      WHERE p.id = ANY(${ids}::text[])
      UNION ALL
      SELECT c.id, p.code FROM "Contact" c
      LEFT JOIN "Proposal" p ON p.id = ANY(${ids}::text[])
      WHERE c.id = ANY(${[...(n.alsoContactIds ?? [])]}::text[])
    ) x
    WHERE x."contactId" <> ALL(${except}::text[])
    GROUP BY x."contactId"`;
}

/** Any competition (an alert about the service needs one to hang on); open ones first. */
export async function anyCompetitionId(db: Db): Promise<string | undefined> {
  const c = await db.competition.findFirst({
    orderBy: [{ isOpen: "desc" }, { createdAt: "desc" }],
    select: { id: true },
  });
  return c?.id;
}

/** The competition's time zone (for quiet hours). */
export async function competitionTimezone(db: Db, competitionId: string): Promise<string | undefined> {
  const c = await db.competition.findUnique({ where: { id: competitionId }, select: { timezone: true } });
  return c?.timezone;
}
