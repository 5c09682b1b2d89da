import type { Db } from "../createDatabase.ts";

/** How many WhatsApp session keys (creds and signal keys) are stored. */
export async function countWhatsAppKeys(db: Db): Promise<number> {
  return db.whatsAppAuth.count();
}
