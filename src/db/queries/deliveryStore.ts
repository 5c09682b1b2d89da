import type { Db } from "../createDatabase.ts";

/** A delivery a worker holds: the row, its recipient's language and opt-out flag, and its claim. */
export interface ClaimedDelivery {
  id: string;
  announcementId: string;
  contactId: string;
  externalId: string;
  attempts: number;
  /** The recipient's own text (reminders), else null. */
  ownText: string | null;
  locale: string;
  optedOut: boolean;
  /** The claim's timestamp (ISO): a result is written only while the row still carries it. */
  claim: string;
}

/** What every delivery of one announcement shares. */
export interface AnnouncementInfo {
  id: string;
  text: string;
  urgent: boolean;
  kind: string;
  competitionId: string;
  competitionName: string;
  timezone: string;
}

/** The end of one attempt (or of a hold) for a claimed delivery. */
export interface DeliveryResult {
  id: string;
  claim: string;
  status: "sent" | "failed" | "skipped" | "pending";
  /** 1 when this was a real attempt, 0 for holds, releases and rate-limit waits. */
  attempt: 0 | 1;
  lastError?: string;
  nextAttemptAt?: Date;
  sentAt?: Date;
  providerMessageId?: string;
}

/**
 * Claims up to `limit` due deliveries of one channel: pending ones whose time has come (walked
 * in nextAttemptAt order along the status/channel index, so the query stops after `limit` rows)
 * and "sending" ones whose claim is older than the lease (their worker died). FOR UPDATE SKIP
 * LOCKED lets several workers claim side by side without waiting or taking the same row.
 */
export async function claimDeliveries(
  db: Db,
  opts: { channel: string; limit: number; now: Date; leaseMs: number },
): Promise<ClaimedDelivery[]> {
  const now = opts.now.toISOString();
  const cutoff = new Date(opts.now.getTime() - opts.leaseMs).toISOString();
  const rows = await db.$queryRaw<Omit<ClaimedDelivery, "claim">[]>`
    WITH stale AS (
      SELECT id FROM "Delivery"
      WHERE status = 'sending' AND channel = ${opts.channel} AND "claimedAt" < ${cutoff}::timestamp
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    ), due AS (
      SELECT id FROM "Delivery"
      WHERE status = 'pending' AND channel = ${opts.channel} AND "nextAttemptAt" <= ${now}::timestamp
      ORDER BY "nextAttemptAt"
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE "Delivery" SET status = 'sending', "claimedAt" = ${now}::timestamp
      WHERE id IN (SELECT id FROM (SELECT id FROM stale UNION ALL SELECT id FROM due) AS picked LIMIT ${opts.limit})
      RETURNING id, "announcementId", "contactId", "externalId", attempts, text
    )
    SELECT c.id, c."announcementId", c."contactId", c."externalId", c.attempts, c.text AS "ownText",
      ct.locale, ct."optedOut"
    FROM claimed c JOIN "Contact" ct ON ct.id = c."contactId"
    ORDER BY c.id`;
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts), claim: now }));
}

/** Text, urgency and competition of announcements, for rendering their deliveries. */
export async function loadAnnouncementInfo(db: Db, ids: readonly string[]): Promise<AnnouncementInfo[]> {
  const rows = await db.announcement.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      text: true,
      urgent: true,
      kind: true,
      competitionId: true,
      competition: { select: { name: true, timezone: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    urgent: r.urgent,
    kind: r.kind,
    competitionId: r.competitionId,
    competitionName: r.competition.name,
    timezone: r.competition.timezone,
  }));
}

/**
 * Writes many results in one statement (a group commit). A row is only updated while it is
 * still in "sending" under the same claim: a worker whose lease ran out cannot overwrite the
 * result of the worker that reclaimed the row.
 */
export async function recordResults(db: Db, results: readonly DeliveryResult[]): Promise<number> {
  if (results.length === 0) return 0;
  const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
  return db.$executeRaw`
    UPDATE "Delivery" d SET
      status = v.status,
      attempts = d.attempts + v.inc,
      "lastError" = CASE WHEN v.status = 'sent' THEN NULL ELSE COALESCE(v.err, d."lastError") END,
      "nextAttemptAt" = COALESCE(v.next::timestamp, d."nextAttemptAt"),
      "sentAt" = v.sent::timestamp,
      "providerMessageId" = COALESCE(v.pid, d."providerMessageId")
    FROM unnest(
      ${results.map((r) => r.id)}::text[], ${results.map((r) => r.claim)}::text[],
      ${results.map((r) => r.status)}::text[], ${results.map((r) => r.attempt)}::int[],
      ${results.map((r) => r.lastError ?? null)}::text[], ${results.map((r) => iso(r.nextAttemptAt))}::text[],
      ${results.map((r) => iso(r.sentAt))}::text[], ${results.map((r) => r.providerMessageId ?? null)}::text[]
    ) AS v(id, claim, status, inc, err, next, sent, pid)
    WHERE d.id = v.id AND d.status = 'sending' AND d."claimedAt" = v.claim::timestamp`;
}

export interface DeliveryCounts {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  /** pending + sending */
  waiting: number;
  /** Receipts where the platform sends them (WhatsApp Cloud API): reached the phone, opened. */
  delivered: number;
  read: number;
}

export function emptyCounts(): DeliveryCounts {
  return { total: 0, sent: 0, failed: 0, skipped: 0, waiting: 0, delivered: 0, read: 0 };
}

/** Delivery counts per announcement, in one query. */
export async function countDeliveries(
  db: Db,
  announcementIds: readonly string[],
): Promise<Map<string, DeliveryCounts>> {
  const out = new Map<string, DeliveryCounts>();
  if (announcementIds.length === 0) return out;
  const rows = await db.$queryRaw<
    {
      announcementId: string;
      status: string;
      n: bigint | number;
      delivered: bigint | number;
      read: bigint | number;
    }[]
  >`
    SELECT "announcementId", status, count(*) AS n,
      count("deliveredAt") AS delivered, count("readAt") AS read
    FROM "Delivery"
    WHERE "announcementId" = ANY(${[...announcementIds]}::text[])
    GROUP BY "announcementId", status`;
  for (const id of announcementIds) out.set(id, emptyCounts());
  for (const r of rows) {
    const c = out.get(r.announcementId)!;
    const n = Number(r.n);
    c.total += n;
    c.delivered += Number(r.delivered);
    c.read += Number(r.read);
    if (r.status === "sent") c.sent += n;
    else if (r.status === "failed") c.failed += n;
    else if (r.status === "skipped") c.skipped += n;
    else c.waiting += n;
  }
  return out;
}

/**
 * Gives back every claim at start-up when this process is the only possible worker (the embedded
 * database is locked to one process): a claim left by a killed process is then certainly dead,
 * and waiting out the lease would only delay its recipients. Returns how many rows went back.
 */
export async function releaseOrphanedClaims(db: Db): Promise<number> {
  const r = await db.delivery.updateMany({
    where: { status: "sending" },
    data: { status: "pending", claimedAt: null },
  });
  return r.count;
}
