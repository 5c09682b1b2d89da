import type { Db } from "../createDatabase.ts";
import { recipientHash } from "./conversationWindows.ts";
import { eraseTicketRows } from "./tickets.ts";

/** What audit rows say instead of an erased person. */
export const FORMER_MEMBER = "former member";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Everything /datasaya shows about a person. */
export async function loadPersonalData(db: Db, contactId: string) {
  const contact = await db.contact.findUniqueOrThrow({
    where: { id: contactId },
    select: {
      displayName: true,
      locale: true,
      optedOut: true,
      createdAt: true,
      identities: { select: { channel: true, externalId: true, phone: true, username: true } },
      memberships: {
        select: {
          role: true,
          unit: {
            select: { name: true, instansi: true, proposals: { select: { code: true, title: true } } },
          },
        },
      },
      staffRoles: { select: { role: true, competition: { select: { name: true } } } },
    },
  });
  const revisions = await db.sectionRevision.count({ where: { authorId: contactId } });
  return { ...contact, revisions };
}

/**
 * Deletes a person and every row that names them, in one transaction. Unit drafts, stage events,
 * announcements and audit rows stay, attributed to nobody ("former member"); identities,
 * memberships, staff roles, dialogue state, link codes and deliveries go with the contact.
 * tests/app/erasureComplete.test.ts scans every column of every table for the ids after
 * this, so a table added later that keeps a contact id or chat id fails there until it is handled.
 */
export async function eraseContactRows(db: Db, contactId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const identities = await tx.channelIdentity.findMany({
      where: { contactId },
      select: { channel: true, externalId: true, phone: true, username: true },
    });
    // Ids this person had before their accounts were linked live on in the merge audit rows.
    const merges = await tx.auditLog.findMany({
      where: { action: "contact.merge", subject: contactId },
      select: { details: true },
    });
    const formerIds = merges
      .map((m) => (m.details as { merged?: unknown } | null)?.merged)
      .filter((x): x is string => typeof x === "string");
    await tx.sectionRevision.updateMany({ where: { authorId: contactId }, data: { authorId: null } });
    await tx.stageEvent.updateMany({ where: { actorId: contactId }, data: { actorId: null } });
    await tx.proposal.updateMany({ where: { createdById: contactId }, data: { createdById: null } });
    await tx.announcement.updateMany({ where: { createdById: contactId }, data: { createdById: null } });
    await tx.scoreRelease.updateMany({ where: { releasedById: contactId }, data: { releasedById: null } });
    await tx.aiSuggestion.updateMany({ where: { contactId }, data: { contactId: null } });
    await tx.llmUsage.deleteMany({ where: { contactId } });
    await tx.pendingImport.deleteMany({ where: { contactId } });
    await tx.confirmation.deleteMany({ where: { contactId } });
    // Attached files belong to the unit's proposal, like drafts; only who sent them is forgotten.
    await tx.proposalAttachment.updateMany({
      where: { uploadedById: contactId },
      data: { uploadedById: null },
    });
    await tx.pendingUpload.deleteMany({ where: { contactId } });
    await tx.dashboardLoginToken.deleteMany({ where: { contactId } });
    await tx.dashboardSession.deleteMany({ where: { contactId } });
    await tx.judgeAssignment.updateMany({ where: { createdById: contactId }, data: { createdById: null } });
    await eraseTicketRows(tx, contactId);
    const ids = [contactId, ...formerIds];
    const accounts = identities.flatMap((i) => [i.externalId, i.phone, i.username]);
    await scrubAudit(tx, [...ids, ...accounts.filter((x): x is string => Boolean(x))]);
    // Stored replies of recent messages (ADR 0007) may show the person's data (/datasaya):
    // forgotten; a repeat of such a message then gets no reply again.
    const shown = accounts
      .filter((x): x is string => typeof x === "string" && x.length >= 4)
      .map((x) => `%${x}%`);
    if (shown.length > 0)
      await tx.$executeRaw`UPDATE "ProcessedUpdate" SET "replies" = NULL
        WHERE "replies" IS NOT NULL AND "replies"::text LIKE ANY(${shown}::text[])`;
    // The WhatsApp session keeps Signal sessions per chat ("session-<number>…"): the bot
    // re-establishes them if the person writes again.
    for (const i of identities.filter((x) => x.channel === "whatsapp")) {
      const user = i.externalId.split(/[:@]/)[0];
      if (user && user.length >= 6)
        await tx.whatsAppAuth.deleteMany({ where: { key: { contains: user }, NOT: { key: "creds" } } });
    }
    // The Cloud API's 24-hour windows and daily-tier counts name the chat (or its hash).
    const chats = identities.map((i) => i.externalId);
    // Updates of theirs still waiting in the inbox (a kill left them): matched on the sender's
    // id fields only, so nobody else's waiting message goes with them.
    const digits = chats.map((c) => c.split("@")[0]!);
    await tx.$executeRaw`DELETE FROM "InboxUpdate" WHERE
      ("channel" = 'telegram' AND COALESCE("payload"->'message'->'from'->>'id',
        "payload"->'callback_query'->'from'->>'id') = ANY(${chats}::text[]))
      OR ("channel" = 'whatsapp' AND ("payload"->'key'->>'remoteJid' = ANY(${chats}::text[])
        OR "payload"->'key'->>'remoteJidAlt' = ANY(${chats}::text[])
        OR "payload"->'key'->>'participant' = ANY(${chats}::text[])))
      OR ("channel" = 'whatsapp-cloud' AND "payload"->'message'->>'from' = ANY(${digits}::text[]))`;
    await tx.conversationWindow.deleteMany({ where: { externalId: { in: chats } } });
    await tx.businessConversation.deleteMany({ where: { recipientHash: { in: chats.map(recipientHash) } } });
    await tx.contact.delete({ where: { id: contactId } });
    await tx.auditLog.create({ data: { action: "contact.erase", subject: FORMER_MEMBER } });
  });
}

/** Audit rows keep what happened, never who: actor, subject and any JSON string naming them. */
async function scrubAudit(tx: Tx, needles: string[]): Promise<void> {
  for (const needle of new Set(needles)) {
    await tx.auditLog.updateMany({ where: { actorId: needle }, data: { actorId: null } });
    await tx.auditLog.updateMany({ where: { subject: needle }, data: { subject: FORMER_MEMBER } });
    // Whole JSON strings only ("…": "<id>"), so a number that happens to contain the digits stays.
    const quoted = JSON.stringify(needle);
    await tx.$executeRaw`
      UPDATE "AuditLog" SET "details" = replace("details"::text, ${quoted}, ${JSON.stringify(FORMER_MEMBER)})::jsonb
      WHERE "details"::text LIKE ${`%${quoted.replace(/[\\%_]/g, "\\$&")}%`}`;
  }
}
