import type { ProposalView } from "../core/dialogue/turnTypes.ts";
import { type Locale, localeFromLanguageCode } from "../core/i18n/locale.ts";
import type { IncomingMessage } from "../core/messages.ts";
import type { Db } from "../db/createDatabase.ts";
import { addIdentities, createContactWithIdentities } from "../db/queries/contacts.ts";
import { contactsForMessage } from "../db/queries/turnContext.ts";
import { isUniqueViolation } from "../db/sql.ts";
import { IMPORT_CHANNEL, linkKeysOf } from "./status/contactIdentity.ts";

export interface ContactView {
  id: string;
  displayName: string;
  locale: Locale;
  optedOut: boolean;
  /** When the person last wrote; the handler refreshes it at most every few minutes. */
  lastActiveAt?: Date;
  /** Whether an announcement draft is open: read with the contact, so nobody else's message pays for the composer. */
  composing?: boolean;
  /** Secretariat of some competition (the registry's role for commands, help and menu). */
  secretariat?: boolean;
  /** Whether a question to the secretariat is being written (a TicketDraft row): read with the contact. */
  asking?: boolean;
  /**
   * The dialogue state as it was when the message arrived (null: none yet), read in the same
   * round trip; the turn's version check catches a change made meanwhile.
   */
  dialogue?: { version: number; state: unknown } | null;
  /** The contact's proposals as the message arrived (the dialogue's first attempt uses them). */
  proposals?: ProposalView[];
  /** Whether a silent link (phone, imported username) could apply: read in the same round trip. */
  linkable?: boolean;
  /** Section texts of the proposal the dialogue state is on, as the message arrived. */
  sections?: { sectionKey: string; text: string }[];
}

/**
 * Finds the person behind a message, creating them on first contact. All ids a channel knows
 * for one person (WhatsApp LID and phone JID) map to one contact.
 */
export async function resolveContact(
  db: Db,
  msg: IncomingMessage,
  defaultLocale: Locale,
): Promise<ContactView> {
  const ids = [msg.userId, ...(msg.aliases ?? [])];
  for (let attempt = 0; ; attempt++) {
    const found = await contactsForMessage(db, msg.channel, ids, {
      ...linkKeysOf(msg),
      importChannel: IMPORT_CHANNEL,
    });
    const contact = found[0];
    try {
      if (contact) {
        const missing = ids.filter((id) => !found.some((f) => f.externalId === id));
        if (missing.length > 0)
          await addIdentities(
            db,
            missing.map((externalId) => ({
              channel: msg.channel,
              externalId,
              contactId: contact.id,
              phone: msg.profile?.phone,
            })),
          );
        return {
          ...asView(contact),
          asking: contact.asking,
          proposals: contact.proposals,
          linkable: contact.linkable,
          sections: contact.sections,
          dialogue:
            contact.dialogueVersion === null
              ? null
              : { version: contact.dialogueVersion, state: contact.dialogueState },
        };
      }
      const created = await createContactWithIdentities(db, {
        displayName: msg.profile?.displayName?.slice(0, 100) ?? "",
        locale: localeFromLanguageCode(msg.profile?.languageCode, defaultLocale),
        identities: ids.map((externalId) => ({
          channel: msg.channel,
          externalId,
          phone: msg.profile?.phone,
          username: msg.profile?.username,
        })),
      });
      // A new contact has no proposals; whether it links is left to the identity route to ask.
      return { ...asView(created), asking: false, dialogue: null, proposals: [] };
    } catch (e) {
      // Two first messages of one person at once: the other one created the identity; read it.
      if (attempt < 2 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}

function asView(c: {
  id: string;
  displayName: string;
  locale: string;
  optedOut: boolean;
  lastActiveAt?: Date | null;
  composing?: boolean;
  secretariat?: boolean;
}): ContactView {
  return {
    id: c.id,
    displayName: c.displayName,
    locale: c.locale === "en" ? "en" : "id",
    optedOut: c.optedOut,
    lastActiveAt: c.lastActiveAt ?? undefined,
    composing: c.composing ?? false,
    secretariat: c.secretariat ?? false,
  };
}
