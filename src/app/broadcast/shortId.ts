import type { Db } from "../../db/createDatabase.ts";
import { announcementIdExact, announcementIdsEndingWith } from "../../db/queries/announcements.ts";

/** The short form of an announcement id shown in chat (its last eight characters, the random part). */
export function shortId(id: string): string {
  return id.slice(-8);
}

/**
 * An announcement by full id or by the short form, within the given competitions when given.
 * Undefined when none matches; "ambiguous" when a short form matches several.
 */
export async function findAnnouncementId(
  db: Db,
  ref: string,
  competitionIds?: readonly string[],
): Promise<string | "ambiguous" | undefined> {
  const key = ref.trim().replace(/^#/, "");
  if (key.length < 6 || !/^[A-Za-z0-9_-]+$/.test(key)) return undefined;
  const exact = await announcementIdExact(db, key, competitionIds);
  if (exact) return exact;
  const ids = await announcementIdsEndingWith(db, key, 2, competitionIds);
  if (ids.length > 1) return "ambiguous";
  return ids[0];
}
