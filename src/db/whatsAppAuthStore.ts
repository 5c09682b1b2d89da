import type { AuthKeyValueStore } from "../channels/whatsapp/useStoredAuthState.ts";
import type { PrismaClient } from "./generated/client.ts";

/**
 * The WhatsApp session (Baileys creds and signal keys) in the WhatsAppAuth table, so the bot
 * needs no session folder on disk. A batch of key changes commits as one transaction.
 */
export function createWhatsAppAuthStore(prisma: PrismaClient): AuthKeyValueStore {
  return {
    async read(keys) {
      if (keys.length === 0) return new Map();
      const rows = await prisma.whatsAppAuth.findMany({
        where: { key: { in: [...new Set(keys)] } },
        select: { key: true, value: true },
      });
      return new Map(rows.map((row) => [row.key, row.value]));
    },
    async write(entries) {
      if (entries.length === 0) return;
      // The last entry for a key wins, as if they were applied one by one.
      const latest = new Map(entries.map((e) => [e.key, e.value]));
      const keys = [...latest.keys()];
      const rows = [...latest].flatMap(([key, value]) => (value === null ? [] : [{ key, value }]));
      await prisma.$transaction(async (tx) => {
        // Delete-then-insert is two statements however many keys Baileys writes (pre-key
        // uploads write hundreds); upserts would be one round trip each.
        await tx.whatsAppAuth.deleteMany({ where: { key: { in: keys } } });
        if (rows.length > 0) await tx.whatsAppAuth.createMany({ data: rows });
      });
    },
    async clear() {
      await prisma.whatsAppAuth.deleteMany({});
    },
  };
}
