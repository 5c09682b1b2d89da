import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../createDatabase.ts";
import type { Prisma } from "../generated/client.ts";
import { query, sql } from "../sql.ts";

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

/** The contact who first had this Telegram username (any case). */
export async function contactIdByUsername(db: Db | Tx, username: string): Promise<string | undefined> {
  const row = await db.channelIdentity.findFirst({
    where: { username: { equals: username, mode: "insensitive" } },
    select: { contactId: true },
    orderBy: { createdAt: "asc" },
  });
  return row?.contactId;
}

/** Adds identities; one another contact already holds is left alone. */
export async function addIdentities(
  db: Db | Tx,
  rows: Prisma.ChannelIdentityCreateManyInput[],
): Promise<void> {
  await db.channelIdentity.createMany({ data: rows, skipDuplicates: true });
}

/** Names a contact who has no name yet (a name they gave themselves is kept). */
export async function nameIfUnnamed(db: Db | Tx, contactId: string, name: string): Promise<void> {
  await db.contact.updateMany({ where: { id: contactId, displayName: "" }, data: { displayName: name } });
}

export async function createContact(db: Db | Tx, displayName: string): Promise<string> {
  const c = await db.contact.create({ data: { displayName }, select: { id: true } });
  return c.id;
}

export async function setOptedOut(db: Db, contactId: string, optedOut: boolean): Promise<void> {
  await db.contact.update({ where: { id: contactId }, data: { optedOut }, select: { id: true } });
}

/** What a merge of two contacts combines. */
export interface MergeFacts {
  displayName: string;
  optedOut: boolean;
  lastActiveAt: Date | null;
}

export async function mergeFacts(tx: Tx, contactId: string): Promise<MergeFacts | null> {
  return tx.contact.findUnique({
    where: { id: contactId },
    select: { displayName: true, optedOut: true, lastActiveAt: true },
  });
}

/**
 * Moves chat identities, memberships, staff roles and deliveries of `dropId` to `keepId`; a row
 * that would duplicate one the kept contact has stays (and goes with the dropped contact).
 */
export async function moveContactRows(tx: Tx, keepId: string, dropId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "ChannelIdentity" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "Membership" m SET "contactId" = ${keepId} WHERE m."contactId" = ${dropId}
    AND NOT EXISTS (SELECT 1 FROM "Membership" k WHERE k."contactId" = ${keepId} AND k."unitId" = m."unitId")`;
  await tx.$executeRaw`UPDATE "StaffRole" s SET "contactId" = ${keepId} WHERE s."contactId" = ${dropId}
    AND NOT EXISTS (SELECT 1 FROM "StaffRole" k WHERE k."contactId" = ${keepId} AND k."competitionId" = s."competitionId" AND k.role = s.role)`;
  await tx.$executeRaw`UPDATE "Delivery" d SET "contactId" = ${keepId} WHERE d."contactId" = ${dropId}
    AND NOT EXISTS (SELECT 1 FROM "Delivery" k WHERE k."contactId" = ${keepId} AND k."announcementId" = d."announcementId")`;
}

export async function dialogueStatesOf(
  tx: Tx,
  contactIds: string[],
): Promise<{ contactId: string; updatedAt: Date }[]> {
  return tx.dialogueState.findMany({
    where: { contactId: { in: contactIds } },
    select: { contactId: true, updatedAt: true },
  });
}

/** Gives `dropId`'s dialogue state to `keepId`, replacing the one `keepId` had. */
export async function moveDialogueState(
  tx: Tx,
  keepId: string,
  dropId: string,
  replace: boolean,
): Promise<void> {
  if (replace) await tx.dialogueState.delete({ where: { contactId: keepId }, select: { contactId: true } });
  await tx.$executeRaw`UPDATE "DialogueState" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;
}

/** Re-points authorship, actors and per-contact logs from `dropId` to `keepId`. */
export async function repointContactReferences(tx: Tx, keepId: string, dropId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "SectionRevision" SET "authorId" = ${keepId} WHERE "authorId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "Proposal" SET "createdById" = ${keepId} WHERE "createdById" = ${dropId}`;
  await tx.$executeRaw`UPDATE "StageEvent" SET "actorId" = ${keepId} WHERE "actorId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "ScoreRelease" SET "releasedById" = ${keepId} WHERE "releasedById" = ${dropId}`;
  await tx.$executeRaw`UPDATE "Announcement" SET "createdById" = ${keepId} WHERE "createdById" = ${dropId}`;
  await tx.$executeRaw`UPDATE "AuditLog" SET "actorId" = ${keepId} WHERE "actorId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "UnitJoin" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;
  // Per-contact LLM quotas and the AI-use log follow the person.
  await tx.$executeRaw`UPDATE "LlmUsage" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;
  await tx.$executeRaw`UPDATE "AiSuggestion" SET "contactId" = ${keepId} WHERE "contactId" = ${dropId}`;
}

/** Writes the combined facts to the kept contact and deletes the dropped one (rows left cascade). */
export async function finishMerge(tx: Tx, keepId: string, dropId: string, facts: MergeFacts): Promise<void> {
  await tx.contact.update({ where: { id: keepId }, data: facts, select: { id: true } });
  await tx.contact.delete({ where: { id: dropId }, select: { id: true } });
}

export async function setContactLocale(db: Db | Tx, contactId: string, locale: string): Promise<void> {
  await db.contact.update({ where: { id: contactId }, data: { locale }, select: { id: true } });
}

/** A person's first message: the contact with every id the channel gave for them. */
export async function createContactWithIdentities(
  db: Db,
  c: {
    displayName: string;
    locale: string;
    identities: { channel: string; externalId: string; phone?: string; username?: string }[];
  },
): Promise<{ id: string; displayName: string; locale: string; optedOut: boolean }> {
  // One statement (a first message runs it): the contact and its channel ids; a channel id taken
  // meanwhile by the same person's other first message fails it whole (a unique violation).
  const now = new Date().toISOString();
  const [row] = await query<{ id: string; displayName: string; locale: string; optedOut: boolean }>(
    db,
    sql`
    WITH c AS (
      INSERT INTO "Contact" ("id", "displayName", "locale", "optedOut", "createdAt")
      VALUES (${randomUUID()}, ${c.displayName}, ${c.locale}, false, ${now}::timestamp)
      RETURNING id, "displayName", locale, "optedOut"
    ), i AS (
      INSERT INTO "ChannelIdentity" ("id", "contactId", "channel", "externalId", "phone", "username", "createdAt")
      SELECT gen_random_uuid()::text, c.id, x.channel, x."externalId", x.phone, x.username, ${now}::timestamp
      FROM c, jsonb_to_recordset(${JSON.stringify(c.identities)}::jsonb)
        AS x(channel text, "externalId" text, phone text, username text)
    )
    SELECT * FROM c`,
  );
  return row!;
}
