import { findOrCreateContact, type PersonRef } from "../../app/status/contactIdentity.ts";
import type { Db } from "../createDatabase.ts";

type Role = "secretariat" | "judge";

/**
 * Gives the person (found by phone or Telegram id, created when unknown) the role on the
 * competition, with its audit entry, in one transaction. Says whether the role existed (then
 * only its judge reference changes).
 */
export async function grantStaffRole(
  db: Db,
  g: { person: PersonRef; competition: { id: string; slug: string }; role: Role; judgeRef: string },
): Promise<{ contactId: string; existed: boolean }> {
  return db.$transaction(async (tx) => {
    const contact = await findOrCreateContact(tx, g.person);
    const key = { contactId: contact.id, competitionId: g.competition.id, role: g.role };
    const existing = await tx.staffRole.findUnique({
      where: { contactId_competitionId_role: key },
      select: { id: true },
    });
    await tx.staffRole.upsert({
      where: { contactId_competitionId_role: key },
      create: { ...key, judgeRef: g.judgeRef },
      update: { judgeRef: g.judgeRef },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        action: "staff.add",
        subject: contact.id,
        details: { competition: g.competition.slug, role: g.role, judgeRef: g.judgeRef, via: "cli" },
      },
    });
    return { contactId: contact.id, existed: existing !== null };
  });
}

/** Takes the role away, with its audit entry when there was one; returns how many roles went. */
export async function revokeStaffRole(
  db: Db,
  r: { contactId: string; competition: { id: string; slug: string }; role: Role },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const del = await tx.staffRole.deleteMany({
      where: { contactId: r.contactId, competitionId: r.competition.id, role: r.role },
    });
    if (del.count)
      await tx.auditLog.create({
        data: {
          action: "staff.remove",
          subject: r.contactId,
          details: { competition: r.competition.slug, role: r.role, via: "cli" },
        },
      });
    return del.count;
  });
}

/** One staff role as `klinik staff list` shows it. */
export interface StaffListing {
  role: string;
  judgeRef: string;
  competitionSlug: string;
  displayName: string;
  identities: { channel: string; externalId: string; phone: string | null }[];
}

/** Every staff role (of one competition, or all), by competition, role and age. */
export async function staffListing(db: Db, competitionId?: string): Promise<StaffListing[]> {
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
  return rows.map((r) => ({
    role: r.role,
    judgeRef: r.judgeRef,
    competitionSlug: r.competition.slug,
    displayName: r.contact.displayName,
    identities: r.contact.identities,
  }));
}
