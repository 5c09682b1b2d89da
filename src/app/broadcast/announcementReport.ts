import { type Audience, readAudience } from "../../core/broadcast/audienceSchema.ts";
import { type FailureReason, reasonOf } from "../../core/broadcast/deliveryPolicy.ts";
import type { Db } from "../../db/createDatabase.ts";
import {
  announcementForReport,
  failedDeliveries,
  latestAnnouncements,
  reopenAnnouncement,
  requeueFailedDeliveries,
  skippedByError,
} from "../../db/queries/announcements.ts";
import { countDeliveries, type DeliveryCounts, emptyCounts } from "../../db/queries/deliveryStore.ts";

export interface FailedDelivery {
  contactId: string;
  name: string;
  channel: string;
  externalId: string;
  attempts: number;
  reason: FailureReason;
  lastError: string;
}

export interface AnnouncementReport {
  id: string;
  kind: "broadcast" | "reminder";
  status: string;
  urgent: boolean;
  text: string;
  competitionId: string;
  competitionName: string;
  timezone: string;
  audience: Audience | undefined;
  createdAt: Date;
  scheduledAt: Date;
  finishedAt: Date | null;
  counts: DeliveryCounts;
  /** Failed deliveries, oldest contact first, up to the limit asked for. */
  failures: FailedDelivery[];
  /** Skipped deliveries per reason (opted out, no identity). */
  skipped: Partial<Record<FailureReason, number>>;
}

/** One announcement with its counts and failures (reason first), for /laporan and the CLI. */
export async function loadAnnouncementReport(
  db: Db,
  id: string,
  opts: { failureLimit?: number } = {},
): Promise<AnnouncementReport | undefined> {
  const a = await announcementForReport(db, id);
  if (!a) return undefined;
  const counts = (await countDeliveries(db, [id])).get(id) ?? emptyCounts();
  const failed = await failedDeliveries(db, id, opts.failureLimit);
  const skipped: Partial<Record<FailureReason, number>> = {};
  for (const r of await skippedByError(db, id)) {
    const reason = reasonOf(r.lastError);
    skipped[reason] = (skipped[reason] ?? 0) + r.n;
  }
  return {
    id: a.id,
    kind: a.kind === "reminder" ? "reminder" : "broadcast",
    status: a.status,
    urgent: a.urgent,
    text: a.text,
    competitionId: a.competition.id,
    competitionName: a.competition.name,
    timezone: a.competition.timezone,
    audience: readAudience(a.audience),
    createdAt: a.createdAt,
    scheduledAt: a.scheduledAt,
    finishedAt: a.finishedAt,
    counts,
    failures: failed.map((f) => ({
      contactId: f.contactId,
      name: f.contact.displayName,
      channel: f.channel,
      externalId: f.externalId,
      attempts: f.attempts,
      reason: reasonOf(f.lastError),
      lastError: f.lastError ?? "",
    })),
    skipped,
  };
}

export interface RecentAnnouncement {
  id: string;
  kind: string;
  status: string;
  createdAt: Date;
  timezone: string;
  counts: DeliveryCounts;
}

/** The latest announcements of some competitions, newest first, with counts. */
export async function recentAnnouncements(
  db: Db,
  competitionIds: readonly string[],
  limit = 5,
): Promise<RecentAnnouncement[]> {
  const rows = await latestAnnouncements(db, competitionIds, limit);
  const counts = await countDeliveries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    createdAt: r.createdAt,
    timezone: r.competition.timezone,
    counts: counts.get(r.id) ?? emptyCounts(),
  }));
}

/** Failed deliveries of an announcement go out again (attempts reset); the announcement reopens. */
export async function retryFailed(db: Db, id: string, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const n = await requeueFailedDeliveries(tx, id, now);
    if (n > 0) await reopenAnnouncement(tx, id);
    return n;
  });
}
