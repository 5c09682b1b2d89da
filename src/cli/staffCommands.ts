import { tsvCell } from "../app/exporting/formulaSafeCsv.ts";
import { competitionBySlug, StatusError } from "../app/status/competitionData.ts";
import { findOrCreateContact, IMPORT_CHANNEL, normalizePhone } from "../app/status/contactIdentity.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";

type Role = "secretariat" | "judge";

export interface StaffArgs {
  competition?: string;
  role?: string;
  phone?: string;
  telegramId?: string;
  name?: string;
  judgeRef?: string;
}

function parseWho(a: StaffArgs): { role: Role; phone?: string; telegramId?: string } {
  if (a.role !== "secretariat" && a.role !== "judge")
    throw new UsageError("--role must be secretariat or judge");
  if (!a.phone && !a.telegramId) throw new UsageError("give --phone <number> or --telegram-id <id>");
  const phone = a.phone ? normalizePhone(a.phone) : undefined;
  if (a.phone && !phone) throw new UsageError(`--phone "${a.phone}" is not a phone number`);
  if (a.telegramId && !/^\d+$/.test(a.telegramId))
    throw new UsageError("--telegram-id must be the numeric Telegram user id");
  return { role: a.role, phone, telegramId: a.telegramId };
}

/**
 * `klinik staff add`: a secretariat member or judge of one competition, found by phone or
 * Telegram id (created when unknown; linked when they first write to the bot). A judge's
 * reference (--judge-ref, default --name) is how the score sheets name them.
 */
export async function staffAdd(io: CliIo, a: StaffArgs): Promise<void> {
  const who = parseWho(a);
  const judgeRef = who.role === "judge" ? (a.judgeRef ?? a.name ?? "").trim() : "";
  if (who.role === "judge" && !judgeRef)
    throw new UsageError("a judge needs --judge-ref <name or code as in the score sheets> (or --name)");
  await withDatabase(io, async ({ prisma: db }) => {
    const competition = await competitionBySlug(db, a.competition);
    const r = await db.$transaction(async (tx) => {
      const contact = await findOrCreateContact(tx, {
        phone: who.phone,
        telegramId: who.telegramId,
        name: a.name,
      });
      const existing = await tx.staffRole.findUnique({
        where: {
          contactId_competitionId_role: {
            contactId: contact.id,
            competitionId: competition.id,
            role: who.role,
          },
        },
        select: { id: true },
      });
      await tx.staffRole.upsert({
        where: {
          contactId_competitionId_role: {
            contactId: contact.id,
            competitionId: competition.id,
            role: who.role,
          },
        },
        create: { contactId: contact.id, competitionId: competition.id, role: who.role, judgeRef },
        update: { judgeRef },
      });
      await tx.auditLog.create({
        data: {
          action: "staff.add",
          subject: contact.id,
          details: { competition: competition.slug, role: who.role, judgeRef, via: "cli" },
        },
      });
      return { contactId: contact.id, existed: existing !== null };
    });
    io.out(
      `${r.existed ? "Updated" : "Added"} ${who.role} ${a.name ?? who.phone ?? who.telegramId} on ${competition.slug} (contact ${r.contactId}).`,
    );
  });
}

export async function staffRemove(io: CliIo, a: StaffArgs): Promise<void> {
  const who = parseWho(a);
  await withDatabase(io, async ({ prisma: db }) => {
    const competition = await competitionBySlug(db, a.competition);
    const identity = who.telegramId
      ? await db.channelIdentity.findUnique({
          where: { channel_externalId: { channel: "telegram", externalId: who.telegramId } },
          select: { contactId: true },
        })
      : await db.channelIdentity.findFirst({ where: { phone: who.phone }, select: { contactId: true } });
    if (!identity) throw new StatusError("no contact with that phone or Telegram id");
    const r = await db.$transaction(async (tx) => {
      const del = await tx.staffRole.deleteMany({
        where: { contactId: identity.contactId, competitionId: competition.id, role: who.role },
      });
      if (del.count)
        await tx.auditLog.create({
          data: {
            action: "staff.remove",
            subject: identity.contactId,
            details: { competition: competition.slug, role: who.role, via: "cli" },
          },
        });
      return del.count;
    });
    io.out(r ? `Removed ${who.role} from ${competition.slug}.` : "No such staff role; nothing changed.");
  });
}

/** `klinik staff list [--competition <slug>]`: one line per role. */
export async function staffList(io: CliIo, a: { competition?: string }): Promise<void> {
  await withDatabase(io, async ({ prisma: db }) => {
    const competitionId = a.competition ? (await competitionBySlug(db, a.competition)).id : undefined;
    const rows = await db.staffRole.findMany({
      where: competitionId ? { competitionId } : {},
      select: {
        role: true,
        judgeRef: true,
        competition: { select: { slug: true } },
        contact: {
          select: {
            displayName: true,
            identities: { select: { channel: true, externalId: true, phone: true } },
          },
        },
      },
      orderBy: [{ competitionId: "asc" }, { role: "asc" }, { createdAt: "asc" }],
    });
    if (rows.length === 0)
      io.out(
        "No staff yet. Add with: klinik staff add --competition <slug> --role secretariat|judge --phone <number>",
      );
    for (const r of rows) {
      const ids = r.contact.identities.map((i) =>
        i.channel === IMPORT_CHANNEL ? i.externalId : `${i.channel}:${i.externalId}`,
      );
      const phones = [...new Set(r.contact.identities.map((i) => i.phone).filter(Boolean))];
      const linked = r.contact.identities.some((i) => i.channel !== IMPORT_CHANNEL)
        ? "linked"
        : "not yet in chat";
      io.out(
        [
          r.competition.slug,
          r.role,
          tsvCell(r.contact.displayName) || "-",
          tsvCell(r.judgeRef) || "-",
          phones.join(" ") || "-",
          linked,
          ids.join(" "),
        ].join("\t"),
      );
    }
  });
}
