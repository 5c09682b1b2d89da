import type { Db } from "../createDatabase.ts";

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
