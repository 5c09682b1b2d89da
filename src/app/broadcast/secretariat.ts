import type { Db } from "../../db/createDatabase.ts";

export interface SecretariatCompetition {
  id: string;
  name: string;
  timezone: string;
}

/** The competitions this contact is secretariat of (StaffRole "secretariat"), newest first. */
export async function secretariatCompetitions(db: Db, contactId: string): Promise<SecretariatCompetition[]> {
  const roles = await db.staffRole.findMany({
    where: { contactId, role: "secretariat" },
    select: { competition: { select: { id: true, name: true, timezone: true, createdAt: true } } },
  });
  return roles
    .map((r) => r.competition)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map(({ id, name, timezone }) => ({ id, name, timezone }));
}
