import type { Locale } from "../../core/i18n/locale.ts";
import type { OutgoingMessage } from "../../core/messages.ts";
import type { Db } from "../../db/createDatabase.ts";
import type { Notifier } from "../notifier.ts";

/** Notifies every member of the units who has not opted out, once each; returns how many. */
export async function notifyMembers(
  db: Db,
  notifier: Notifier,
  unitIds: readonly string[],
  msg: (locale: Locale) => OutgoingMessage,
): Promise<number> {
  const members = await db.membership.findMany({
    where: { unitId: { in: [...unitIds] }, contact: { optedOut: false } },
    select: { contactId: true },
    distinct: ["contactId"],
  });
  for (const m of members) await notifier.notify(m.contactId, msg);
  return members.length;
}
