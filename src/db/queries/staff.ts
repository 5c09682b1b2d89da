import type { Db } from "../createDatabase.ts";

/**
 * Telegram ids of everyone with the secretariat role on some competition: their private chat
 * has the same id, where the bot shows them the secretariat's command menu.
 */
export async function secretariatTelegramIds(db: Db): Promise<string[]> {
  const rows = await db.channelIdentity.findMany({
    where: { channel: "telegram", contact: { staffRoles: { some: { role: "secretariat" } } } },
    select: { externalId: true },
    distinct: ["externalId"],
    take: 1_000,
  });
  return rows.map((r) => r.externalId);
}
