import { tsvCell } from "../app/exporting/formulaSafeCsv.ts";
import { competitionBySlug, StatusError } from "../app/status/competitionData.ts";
import { IMPORT_CHANNEL, normalizePhone } from "../app/status/contactIdentity.ts";
import { contactIdByPhone, contactIdByTelegramId } from "../db/queries/contacts.ts";
import { grantStaffRole, revokeStaffRole, staffListing } from "../db/queries/staffRoster.ts";
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
    const r = await grantStaffRole(db, {
      person: { phone: who.phone, telegramId: who.telegramId, name: a.name },
      competition,
      role: who.role,
      judgeRef,
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
    const contactId = who.telegramId
      ? await contactIdByTelegramId(db, who.telegramId)
      : who.phone && (await contactIdByPhone(db, who.phone));
    if (!contactId) throw new StatusError("no contact with that phone or Telegram id");
    const r = await revokeStaffRole(db, { contactId, competition, role: who.role });
    io.out(r ? `Removed ${who.role} from ${competition.slug}.` : "No such staff role; nothing changed.");
  });
}

/** `klinik staff list [--competition <slug>]`: one line per role. */
export async function staffList(io: CliIo, a: { competition?: string }): Promise<void> {
  await withDatabase(io, async ({ prisma: db }) => {
    const competitionId = a.competition ? (await competitionBySlug(db, a.competition)).id : undefined;
    const rows = await staffListing(db, competitionId);
    if (rows.length === 0)
      io.out(
        "No staff yet. Add with: klinik staff add --competition <slug> --role secretariat|judge --phone <number>",
      );
    for (const r of rows) {
      const ids = r.identities.map((i) =>
        i.channel === IMPORT_CHANNEL ? i.externalId : `${i.channel}:${i.externalId}`,
      );
      const phones = [...new Set(r.identities.map((i) => i.phone).filter(Boolean))];
      const linked = r.identities.some((i) => i.channel !== IMPORT_CHANNEL) ? "linked" : "not yet in chat";
      io.out(
        [
          r.competitionSlug,
          r.role,
          tsvCell(r.displayName) || "-",
          tsvCell(r.judgeRef) || "-",
          phones.join(" ") || "-",
          linked,
          ids.join(" "),
        ].join("\t"),
      );
    }
  });
}
