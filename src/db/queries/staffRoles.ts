import type { Db, Tx } from "../createDatabase.ts";

export interface RoleRow {
  competitionId: string;
  role: "secretariat" | "judge";
  judgeRef: string;
}

/** A contact's roles on every competition. */
export async function rolesOf(db: Db, contactId: string): Promise<RoleRow[]> {
  return db.staffRole.findMany({
    where: { contactId },
    select: { competitionId: true, role: true, judgeRef: true },
  });
}

/** Judges of a competition (those with a judge reference), with their contact's name. */
export async function judgesOf(db: Db, competitionId: string) {
  const rows = await db.staffRole.findMany({
    where: { competitionId, role: "judge", judgeRef: { not: "" } },
    select: { contactId: true, judgeRef: true, contact: { select: { displayName: true } } },
    orderBy: { judgeRef: "asc" },
  });
  return rows.map((r) => ({ contactId: r.contactId, judgeRef: r.judgeRef, name: r.contact.displayName }));
}

export async function contactName(db: Db, contactId: string): Promise<string> {
  const c = await db.contact.findUnique({ where: { id: contactId }, select: { displayName: true } });
  return c?.displayName ?? "";
}

/** Each contact's identity to push to: Telegram before WhatsApp, the phone JID before a LID. */
export async function pushIdentities(db: Db, contactIds: string[]) {
  const rows = await db.contact.findMany({
    where: { id: { in: contactIds } },
    select: {
      id: true,
      locale: true,
      optedOut: true,
      identities: { select: { channel: true, externalId: true }, orderBy: { createdAt: "desc" } },
    },
  });
  const rank = (i: { channel: string; externalId: string }) =>
    i.channel === "telegram"
      ? 0
      : i.channel === "whatsapp"
        ? i.externalId.endsWith("@s.whatsapp.net")
          ? 1
          : 2
        : 9;
  return rows.map((r) => {
    const best = [...r.identities].filter((i) => rank(i) < 9).sort((a, b) => rank(a) - rank(b))[0];
    return {
      contactId: r.id,
      locale: (r.locale === "en" ? "en" : "id") as "id" | "en",
      optedOut: r.optedOut,
      channel: best?.channel as "telegram" | "whatsapp" | undefined,
      externalId: best?.externalId,
    };
  });
}

/** Gives the contact a role on these competitions; returns how many it did not have yet. */
export async function grantRole(
  db: Db | Tx,
  contactId: string,
  competitionIds: string[],
  role: "secretariat" | "judge",
): Promise<number> {
  const r = await db.staffRole.createMany({
    data: competitionIds.map((competitionId) => ({ contactId, competitionId, role })),
    skipDuplicates: true,
  });
  return r.count;
}

/** The competitions a contact is secretariat of, with when each was created. */
export async function secretariatCompetitionRows(
  db: Db,
  contactId: string,
): Promise<{ id: string; name: string; timezone: string; createdAt: Date }[]> {
  const roles = await db.staffRole.findMany({
    where: { contactId, role: "secretariat" },
    select: { competition: { select: { id: true, name: true, timezone: true, createdAt: true } } },
  });
  return roles.map((r) => r.competition);
}
