import type { Db, Tx } from "../createDatabase.ts";

/** The contact holding a Telegram chat identity. */
export async function contactIdByTelegramId(db: Db | Tx, telegramId: string): Promise<string | undefined> {
  const row = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: "telegram", externalId: telegramId } },
    select: { contactId: true },
  });
  return row?.contactId;
}

/** The contact who first had this phone number (E.164) on any identity. */
export async function contactIdByPhone(db: Db | Tx, phone: string): Promise<string | undefined> {
  const row = await db.channelIdentity.findFirst({
    where: { phone },
    select: { contactId: true },
    orderBy: { createdAt: "asc" },
  });
  return row?.contactId;
}
