import { createHash } from "node:crypto";
import type { Db } from "../createDatabase.ts";

/** Records that a person wrote to the bot now (opens or extends their 24-hour window). */
export async function touchWindow(db: Db, channel: string, externalId: string, at: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "ConversationWindow" ("channel", "externalId", "lastInboundAt")
    VALUES (${channel}, ${externalId}, ${at.toISOString()}::timestamp)
    ON CONFLICT ("channel", "externalId")
    DO UPDATE SET "lastInboundAt" = GREATEST("ConversationWindow"."lastInboundAt", EXCLUDED."lastInboundAt")`;
}

/** When the person last wrote on that channel, or undefined. */
export async function lastInbound(db: Db, channel: string, externalId: string): Promise<Date | undefined> {
  const row = await db.conversationWindow.findUnique({
    where: { channel_externalId: { channel, externalId } },
    select: { lastInboundAt: true },
  });
  return row?.lastInboundAt;
}

/** Windows older than a day are over; nothing needs them. */
export async function pruneWindows(db: Db, now: Date): Promise<number> {
  const r = await db.conversationWindow.deleteMany({
    where: { lastInboundAt: { lt: new Date(now.getTime() - 48 * 3_600_000) } },
  });
  const b = await db.businessConversation.deleteMany({
    where: { openedAt: { lt: new Date(now.getTime() - 48 * 3_600_000) } },
  });
  return r.count + b.count;
}

/** Forgets a person's windows (erasure). */
export async function deleteWindows(db: Pick<Db, "conversationWindow">, externalIds: readonly string[]) {
  await db.conversationWindow.deleteMany({ where: { externalId: { in: [...externalIds] } } });
}

export function recipientHash(externalId: string): string {
  return createHash("sha256").update(`klinik-bc:${externalId}`).digest("hex");
}

/**
 * Counts a business-initiated conversation with this recipient unless one is already open
 * (opened within 24 hours); returns how many are open now, this one included.
 */
export async function openBusinessConversation(db: Db, externalId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  await db.$executeRaw`
    INSERT INTO "BusinessConversation" ("recipientHash", "openedAt")
    VALUES (${recipientHash(externalId)}, ${now.toISOString()}::timestamp)
    ON CONFLICT ("recipientHash") DO UPDATE SET "openedAt" = EXCLUDED."openedAt"
    WHERE "BusinessConversation"."openedAt" < ${since}::timestamp`;
  return countBusinessConversations(db, now);
}

/** Business-initiated conversations opened in the last 24 hours (the tier counts these). */
export async function countBusinessConversations(db: Db, now: Date): Promise<number> {
  return db.businessConversation.count({
    where: { openedAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } },
  });
}

/** Whether a conversation with this recipient is already open (a send to them costs no tier). */
export async function hasOpenBusinessConversation(db: Db, externalId: string, now: Date): Promise<boolean> {
  const row = await db.businessConversation.findUnique({
    where: { recipientHash: recipientHash(externalId) },
    select: { openedAt: true },
  });
  return !!row && row.openedAt.getTime() >= now.getTime() - 24 * 3_600_000;
}
