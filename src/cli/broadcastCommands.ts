import { readFile } from "node:fs/promises";
import { loadAnnouncementReport, retryFailed } from "../app/broadcast/announcementReport.ts";
import { MAX_ANNOUNCEMENT_CHARS } from "../app/broadcast/composeRoute.ts";
import { createAnnouncement } from "../app/broadcast/createAnnouncement.ts";
import { renderDelivery } from "../app/broadcast/renderDelivery.ts";
import { resolveAudience } from "../app/broadcast/resolveAudience.ts";
import { runDueReminders } from "../app/broadcast/runDueReminders.ts";
import { findAnnouncementId, shortId } from "../app/broadcast/shortId.ts";
import { createCompetitionCache } from "../app/competitionCache.ts";
import { tsvCell } from "../app/exporting/formulaSafeCsv.ts";
import { createConfig } from "../config.ts";
import { audienceProblems } from "../core/broadcast/audienceProblems.ts";
import {
  AudienceSpecError,
  formatAudienceSpec,
  PUSH_CHANNELS,
  type PushChannel,
  parseAudienceSpec,
} from "../core/broadcast/audienceSchema.ts";
import { parseScheduleTime } from "../core/broadcast/parseScheduleTime.ts";
import { quietUntil } from "../core/broadcast/quietHours.ts";
import { formatWhen } from "../core/i18n/broadcastTexts.ts";
import { plainText } from "../core/messages.ts";
import { templateSchema } from "../core/templates/templateSchema.ts";
import type { Db } from "../db/createDatabase.ts";
import { recordAudit } from "../db/queries/audit.ts";
import { competitionByRef } from "../db/queries/competitions.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";

export interface BroadcastCreateArgs {
  /** Competition slug (or id). */
  competition?: string;
  /** all | stage:<key> | group:<key> | category:<key> | region:<name> | incomplete | channel:<name>, comma-separated. */
  audience?: string;
  /** A UTF-8 text file with the announcement. */
  textFile?: string;
  /** When to send: "2026-12-01 08:00", "besok 08.00" (competition time zone); default now. */
  at?: string;
  /** Send through quiet hours. */
  urgent?: boolean;
  /** Count and preview only; nothing is queued. */
  dryRun?: boolean;
  /**
   * Asked after the counts and preview are printed, before queueing (the CLI's --yes or terminal
   * confirmation); throws to stop. Absent: queue at once.
   */
  confirm?: (reachable: number) => Promise<void>;
  now?: Date;
}

/**
 * `klinik broadcast create`: queues an announcement in the database (the outbox). The running
 * bot's delivery worker sends it; the CLI itself sends nothing, so WhatsApp recipients are
 * reached through the bot's one WhatsApp session.
 */
export async function broadcastCreate(io: CliIo, a: BroadcastCreateArgs): Promise<void> {
  if (!a.competition) throw new UsageError("broadcast create needs --competition <slug>");
  if (!a.textFile) throw new UsageError("broadcast create needs --text-file <file>");
  let audience: ReturnType<typeof parseAudienceSpec>;
  try {
    audience = parseAudienceSpec(a.audience ?? "all");
  } catch (e) {
    if (e instanceof AudienceSpecError) throw new UsageError(e.message);
    throw e;
  }
  const text = (await readFile(a.textFile, "utf8")).trim();
  if (!text) throw new UsageError(`${a.textFile} is empty`);
  if (text.length > MAX_ANNOUNCEMENT_CHARS)
    throw new UsageError(`the text has ${text.length} characters; the maximum is ${MAX_ANNOUNCEMENT_CHARS}`);
  const channels = pushChannels(io);
  const quiet = createConfig(io.env).broadcast.quietHours;
  await withDatabase(io, async ({ prisma: db }) => {
    const comp = await competitionOf(db, a.competition!);
    const problems = comp.template ? audienceProblems(audience, comp.template) : [];
    if (problems.length) throw new UsageError(`--audience: ${problems.join("; ")}`);
    const now = a.now ?? new Date();
    let at = now;
    if (a.at) {
      const parsed = parseScheduleTime(a.at, now, comp.timezone);
      if (!parsed)
        throw new UsageError(`cannot read --at "${a.at}"; use e.g. "2026-12-01 08:00" or "besok 08.00"`);
      if (parsed.getTime() <= now.getTime()) throw new UsageError(`--at ${a.at} is in the past`);
      at = parsed;
    }
    const r = await resolveAudience(db, comp.id, audience, { sectionKeys: comp.sectionKeys, channels });
    const reachable = r.contacts - r.optedOut - r.unreachable;
    io.out(
      `Audience ${formatAudienceSpec(audience)}: ${reachable} contact(s) to send to, from ${r.proposals} proposal(s).`,
    );
    if (r.optedOut || r.unreachable)
      io.out(`  skipped: ${r.optedOut} unsubscribed, ${r.unreachable} without a Telegram or WhatsApp chat.`);
    const byChannel = PUSH_CHANNELS.map(
      (c) => `${c} ${r.recipients.filter((x) => x.channel === c && !x.optedOut).length}`,
    );
    io.out(`  by channel: ${byChannel.join(", ")}`);
    const held = !a.urgent && quiet ? quietUntil(at, comp.timezone, quiet) : undefined;
    if (held)
      io.out(
        `  quiet hours: sending starts ${formatWhen(held, "en", comp.timezone)} (use --urgent to send at night).`,
      );
    if (a.dryRun || a.confirm) {
      io.out("Preview (Indonesian recipients):");
      io.out(
        plainText(renderDelivery({ kind: "broadcast", competitionName: comp.name, locale: "id", text }).text),
      );
    }
    if (a.dryRun) {
      io.out("Dry run: nothing was queued.");
      return;
    }
    await a.confirm?.(reachable);
    const created = await createAnnouncement(db, {
      competitionId: comp.id,
      timezone: comp.timezone,
      audience,
      text,
      recipients: r.recipients,
      scheduledAt: at,
      urgent: a.urgent ?? false,
      quiet,
    });
    await recordAudit(db, {
      action: "broadcast.create",
      subject: created.id,
      details: { via: "cli", audience: formatAudienceSpec(audience), queued: created.queued },
    });
    io.out(
      `Announcement ${created.id} (${shortId(created.id)}) queued for ${reachable} contact(s)${a.at ? `, sending from ${formatWhen(at, "en", comp.timezone)}` : ""}.`,
    );
    io.out(`The running bot sends it; follow it with: klinik broadcast report ${shortId(created.id)}`);
  });
}

/** `klinik broadcast report <id>`: counts and every failure with its reason. */
export async function broadcastReport(io: CliIo, id: string | undefined): Promise<void> {
  if (!id) throw new UsageError("broadcast report needs <id>");
  await withDatabase(io, async ({ prisma: db }) => {
    const r = await loadAnnouncementReport(db, await announcementId(db, id));
    if (!r) throw new UsageError(`unknown announcement "${id}"`);
    const c = r.counts;
    io.out(`${r.kind === "reminder" ? "Reminder" : "Announcement"} ${r.id} · ${r.competitionName}`);
    io.out(
      `  status ${r.status}${r.urgent ? " (urgent)" : ""}; scheduled ${r.scheduledAt.toISOString()}${r.finishedAt ? `; finished ${r.finishedAt.toISOString()}` : ""}`,
    );
    io.out(`  audience ${r.audience ? formatAudienceSpec(r.audience) : "(unreadable)"}`);
    io.out(`  sent ${c.sent}/${c.total} · failed ${c.failed} · skipped ${c.skipped} · waiting ${c.waiting}`);
    if (c.delivered || c.read) io.out(`  delivered ${c.delivered} · read ${c.read} (receipts from WhatsApp)`);
    const skipped = Object.entries(r.skipped).map(([reason, n]) => `${reason} ${n}`);
    if (skipped.length) io.out(`  skipped: ${skipped.join(", ")}`);
    if (r.failures.length) {
      io.out("Failures (contact, channel, chat, attempts, reason):");
      for (const f of r.failures)
        io.out(
          `  ${f.contactId}\t${tsvCell(f.name) || "-"}\t${f.channel}\t${f.externalId}\t${f.attempts}\t${tsvCell(f.lastError)}`,
        );
      io.out(`Resend them with: klinik broadcast retry-failed ${shortId(r.id)}`);
    }
  });
}

/** `klinik broadcast retry-failed <id>`: the failed deliveries go out again, nothing else. */
export async function broadcastRetryFailed(
  io: CliIo,
  id: string | undefined,
  now = new Date(),
): Promise<void> {
  if (!id) throw new UsageError("broadcast retry-failed needs <id>");
  await withDatabase(io, async ({ prisma: db }) => {
    const full = await announcementId(db, id);
    const n = await retryFailed(db, full, now);
    await recordAudit(db, {
      action: "broadcast.retryFailed",
      subject: full,
      details: { via: "cli", deliveries: n },
    });
    io.out(
      n === 0
        ? `Announcement ${full} has no failed deliveries.`
        : `${n} failed deliver${n === 1 ? "y" : "ies"} of ${full} queued again.`,
    );
  });
}

/** `klinik reminders run`: queues the deadline reminders due now (the bot also does this every few minutes). */
export async function remindersRun(io: CliIo, now = new Date()): Promise<void> {
  const channels = pushChannels(io);
  await withDatabase(io, async ({ prisma: db }) => {
    const made = await runDueReminders({
      db,
      competitions: createCompetitionCache(db, { ttlMs: 0 }),
      now,
      channels,
    });
    if (made.length === 0) io.out("No reminder is due (or they were queued already).");
    for (const m of made)
      io.out(
        m.addedLater
          ? `Reminder ${m.announcementId} (${m.days} day(s) before the deadline) added for ${m.recipients} contact(s) who joined since.`
          : `Reminder ${m.announcementId} (${m.days} day(s) before the deadline) queued for ${m.recipients} contact(s).`,
      );
  });
}

/** Channels the bot runs (Telegram first); both when the configuration names neither. */
function pushChannels(io: CliIo): PushChannel[] {
  const config = createConfig(io.env);
  const on = PUSH_CHANNELS.filter((c) => config[c].enabled);
  return on.length > 0 ? on : [...PUSH_CHANNELS];
}

async function competitionOf(db: Db, ref: string) {
  const row = await competitionByRef(db, ref);
  if (!row) throw new UsageError(`unknown competition "${ref}" (see: klinik competition list)`);
  const template = templateSchema.safeParse(row.template);
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    sectionKeys: template.success ? template.data.sections.map((s) => s.key) : [],
    template: template.success ? template.data : undefined,
  };
}

async function announcementId(db: Db, ref: string): Promise<string> {
  const id = await findAnnouncementId(db, ref);
  if (id === "ambiguous") throw new UsageError(`"${ref}" matches several announcements; give more of the id`);
  if (!id) throw new UsageError(`unknown announcement "${ref}"`);
  return id;
}
