import type { Db } from "../../db/createDatabase.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { allCompetitionKeys } from "../../db/queries/competitions.ts";
import { grantRole } from "../../db/queries/staffRoles.ts";
import { findOrCreateContact, normalizePhone } from "./contactIdentity.ts";

/**
 * Grants the configured first secretariat (SECRETARIAT_PHONE / SECRETARIAT_TELEGRAM_ID) the
 * secretariat role on every competition, so a fresh installation has someone who may run /tahap
 * and /rekap. Idempotent: run it at every start; competitions created later are covered at the
 * next start (or with `klinik staff add`).
 */
export async function ensureBootstrapSecretariat(
  db: Db,
  who: { phone?: string; telegramId?: string },
): Promise<{ contactId?: string; granted: number }> {
  const phone = who.phone ? normalizePhone(who.phone) : undefined;
  if (!phone && !who.telegramId) return { granted: 0 };
  return db.$transaction(async (tx) => {
    const contact = await findOrCreateContact(tx, { phone, telegramId: who.telegramId });
    const competitions = await allCompetitionKeys(tx);
    const granted = await grantRole(
      tx,
      contact.id,
      competitions.map((c) => c.id),
      "secretariat",
    );
    if (granted > 0)
      await recordAudit(tx, {
        action: "staff.add",
        subject: contact.id,
        details: { role: "secretariat", via: "bootstrap", competitions: granted },
      });
    return { contactId: contact.id, granted };
  });
}
