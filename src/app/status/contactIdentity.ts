import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { Tx } from "../../db/createDatabase.ts";
import type { Prisma } from "../../db/generated/client.ts";
import {
  addIdentities,
  contactIdByPhone,
  contactIdByTelegramId,
  contactIdByUsername,
  createContact,
  nameIfUnnamed,
} from "../../db/queries/contacts.ts";

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

/**
 * What of a message could link its sender to a contact the secretariat imported or another
 * account: the WhatsApp number, the Telegram username (normalised). Read with the contact.
 */
export function linkKeysOf(msg: { channel: string; profile?: { phone?: string; username?: string } }): {
  phone?: string;
  username?: string;
} {
  const phone =
    msg.channel === "whatsapp" && msg.profile?.phone ? normalizePhone(msg.profile.phone) : undefined;
  const username =
    msg.channel === "telegram" && msg.profile?.username ? normalizeUsername(msg.profile.username) : undefined;
  return { ...(phone ? { phone } : {}), ...(username ? { username } : {}) };
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
    (ref.telegramId ? await contactIdByTelegramId(tx, ref.telegramId) : undefined) ??
    (ref.phone ? await contactIdByPhone(tx, ref.phone) : undefined) ??
    (ref.username ? await contactIdByUsername(tx, ref.username) : undefined);
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
    add(found);
    // Whatever else the sheet says about this person, remember it (unless someone else holds it).
    await addIdentities(tx, identities);
    if (ref.name) await nameIfUnnamed(tx, found, ref.name.slice(0, 100));
    return { id: found, created: false };
  }
  const id = await createContact(tx, ref.name?.slice(0, 100) ?? "");
  add(id);
  await addIdentities(tx, identities);
  return { id, created: true };
}
