import type { Db } from "../../db/createDatabase.ts";
import { secretariatCompetitionRows } from "../../db/queries/staffRoles.ts";

export interface SecretariatCompetition {
  id: string;
  name: string;
  timezone: string;
}

/** The competitions this contact is secretariat of (StaffRole "secretariat"), newest first. */
export async function secretariatCompetitions(db: Db, contactId: string): Promise<SecretariatCompetition[]> {
  return (await secretariatCompetitionRows(db, contactId))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map(({ id, name, timezone }) => ({ id, name, timezone }));
}
