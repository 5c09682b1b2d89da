import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { Prisma } from "../../db/generated/client.ts";

type Tx = Prisma.TransactionClient;

/**
 * Channel name of identities known from the secretariat's data only (a phone number or a
 * Telegram username from an import or `staff add`). No sender exists for it, so nobody is
 * messaged before they write to the bot; the row is claimed when the person shows up.
 */
export const IMPORT_CHANNEL = "import";

/** E.164 (+62…) of a phone number as people write it ("0812-…", "62812…", "+62 812…"); Indonesia by default. */
export function normalizePhone(raw: string): string | undefined {
  const s = raw.trim().replace(/[\s().-]/g, "");
  if (!s) return undefined;
  const candidate = s.startsWith("+") || s.startsWith("0") ? s : /^62\d{8,}$/.test(s) ? `+${s}` : s;
  const parsed = parsePhoneNumberFromString(candidate, "ID");
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** A Telegram username without "@", lower-cased; undefined when it cannot be one. */
export function normalizeUsername(raw: string): string | undefined {
  const s = raw.trim().replace(/^@/, "").toLowerCase();
  return /^[a-z][a-z0-9_]{3,31}$/.test(s) ? s : undefined;
}

export interface PersonRef {
  phone?: string;
  telegramId?: string;
  username?: string;
  name?: string;
}

/**
 * The contact behind a phone number, Telegram id or username, created with placeholder
 * identities when unknown. A Telegram id is a real chat identity (the bot can find the person at
 * once); phone and username are kept on IMPORT_CHANNEL rows until the person writes in.
 */
export async function findOrCreateContact(tx: Tx, ref: PersonRef): Promise<{ id: string; created: boolean }> {
  const found =
    (ref.telegramId
      ? await tx.channelIdentity.findUnique({
          where: { channel_externalId: { channel: "telegram", externalId: ref.telegramId } },
          select: { contactId: true },
        })
      : null) ??
    (ref.phone
      ? await tx.channelIdentity.findFirst({
          where: { phone: ref.phone },
          select: { contactId: true },
          orderBy: { createdAt: "asc" },
        })
      : null) ??
    (ref.username
      ? await tx.channelIdentity.findFirst({
          where: { username: { equals: ref.username, mode: "insensitive" } },
          select: { contactId: true },
          orderBy: { createdAt: "asc" },
        })
      : null);
  const identities: Prisma.ChannelIdentityCreateManyInput[] = [];
  const add = (contactId: string) => {
    if (ref.telegramId) identities.push({ contactId, channel: "telegram", externalId: ref.telegramId });
    if (ref.phone)
      identities.push({
        contactId,
        channel: IMPORT_CHANNEL,
        externalId: `phone:${ref.phone}`,
        phone: ref.phone,
      });
    if (ref.username)
      identities.push({
        contactId,
        channel: IMPORT_CHANNEL,
        externalId: `telegram:${ref.username}`,
        username: ref.username,
      });
  };
  if (found) {
    add(found.contactId);
    // Whatever else the sheet says about this person, remember it (unless someone else holds it).
    await tx.channelIdentity.createMany({ data: identities, skipDuplicates: true });
    if (ref.name)
      await tx.contact.updateMany({
        where: { id: found.contactId, displayName: "" },
        data: { displayName: ref.name.slice(0, 100) },
      });
    return { id: found.contactId, created: false };
  }
  const contact = await tx.contact.create({
    data: { displayName: ref.name?.slice(0, 100) ?? "" },
    select: { id: true },
  });
  add(contact.id);
  await tx.channelIdentity.createMany({ data: identities, skipDuplicates: true });
  return { id: contact.id, created: true };
}
