import { audienceParts } from "../../core/broadcast/audienceSchema.ts";
import { type BroadcastReportTexts, broadcastReportTexts } from "../../core/i18n/broadcastReportTexts.ts";
import { formatShortDate } from "../../core/i18n/broadcastTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { OutgoingMessage } from "../../core/messages.ts";
import { Composer } from "../pipeline/Composer.ts";
import {
  type AnnouncementReport,
  loadAnnouncementReport,
  recentAnnouncements,
} from "./announcementReport.ts";
import type { BroadcastRouteDeps } from "./createBroadcastRoutes.ts";
import { secretariatCompetitions } from "./secretariat.ts";
import { findAnnouncementId, shortId } from "./shortId.ts";

const LISTED_FAILURES = 20;

/** /laporan [id]: the secretariat's recent announcements, or one with its failures and reasons. */
export function reportRoute(deps: BroadcastRouteDeps): Composer {
  const { db } = deps;
  // Only the secretariat gets here: the registry's access middleware refused everyone else.
  // Which competitions: this lookup.
  return new Composer().command("laporan", async ({ contact, command }) => {
    const cmd = command!;
    const t = broadcastReportTexts(contact.locale);
    const comps = await secretariatCompetitions(db, contact.id);
    const ids = comps.map((c) => c.id);
    if (!cmd.arg) {
      const recent = await recentAnnouncements(db, ids, 5);
      if (recent.length === 0) return [{ text: [t.noAnnouncements] }];
      const lines = recent.map((r) =>
        t.recentLine(
          shortId(r.id),
          formatShortDate(r.createdAt, contact.locale, r.timezone),
          t.status(r.status),
          r.counts.sent,
          r.counts.total,
        ),
      );
      return [{ text: [t.recentHeader, "\n", lines.join("\n"), "\n\n", t.reportUsage] }];
    }
    const ref = cmd.arg.split(/\s+/)[0]!;
    const id = await findAnnouncementId(db, ref, ids);
    if (!id || id === "ambiguous") return [{ text: [t.notFound(ref)] }];
    const report = await loadAnnouncementReport(db, id, { failureLimit: LISTED_FAILURES });
    if (!report) return [{ text: [t.notFound(ref)] }];
    return [renderReport(report, contact.locale)];
  });
}

/** The report as a chat message: header, counts, then failures with their reasons. */
export function renderReport(r: AnnouncementReport, locale: Locale): OutgoingMessage {
  const t = broadcastReportTexts(locale);
  const lines = [
    t.reportHeader(
      shortId(r.id),
      r.kind,
      formatShortDate(r.scheduledAt, locale, r.timezone),
      t.status(r.status),
      describeAudience(r, t),
    ),
    t.reportCounts(r.counts.sent, r.counts.total, r.counts.failed, r.counts.skipped, r.counts.waiting),
  ];
  if (r.counts.delivered > 0 || r.counts.read > 0)
    lines.push(t.reportReceipts(r.counts.delivered, r.counts.read));
  if (r.counts.failed > 0) {
    lines.push("", t.failuresHeader);
    for (const f of r.failures)
      lines.push(t.failureLine(f.name || f.externalId, f.channel, t.reason(f.reason), f.attempts));
    if (r.counts.failed > r.failures.length)
      lines.push(t.moreFailures(r.counts.failed - r.failures.length, r.id));
  }
  return { text: [lines.join("\n")] };
}

function describeAudience(r: AnnouncementReport, t: BroadcastReportTexts): string {
  if (!r.audience) return "?";
  const p = audienceParts(r.audience);
  const parts = [
    ...p.stages.map((v) => `${t.audienceParts.stage} ${v}`),
    ...p.groups.map((v) => `${t.audienceParts.group} ${v}`),
    ...p.categories.map((v) => `${t.audienceParts.category} ${v}`),
    ...p.regions.map((v) => `${t.audienceParts.region} ${v}`),
    ...(p.incomplete ? [t.audienceParts.incomplete] : []),
    ...p.channels.map((v) => `${t.audienceParts.channel} ${v}`),
  ];
  return parts.length ? parts.join(" · ") : t.audienceEveryone;
}
