import { invitationTexts } from "../../core/i18n/invitationTexts.ts";
import { statusTexts } from "../../core/i18n/statusTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import {
  accountsOf,
  anyCompetitionId,
  joinUnit,
  proposalByCode,
  secretariatOf,
} from "../../db/queries/invitations.ts";
import {
  auditLink,
  consumeLinkCode,
  contactsHolding,
  findLinkCode,
  issueLinkCode,
  setIdentityPhone,
  unitNamesOf,
} from "../../db/queries/linkCodes.ts";
import { newJoinRef } from "../codes.ts";
import { Composer } from "../pipeline/Composer.ts";
import type { ContactView } from "../resolveContact.ts";
import { normalizeCode } from "./competitionData.ts";
import { IMPORT_CHANNEL, linkKeysOf, normalizePhone } from "./contactIdentity.ts";
import { mergeContacts } from "./mergeContacts.ts";
import { isPrivateChat, type RouteKit, recordFailure } from "./routeKit.ts";

export const LINK_CODE_MINUTES = 10;

/**
 * Who is who: links a chat user to the units the secretariat registered for them.
 * - by phone: a WhatsApp number (profile.phone, every message) or a phone shared on Telegram
 *   (sharedPhone) that matches an imported or otherwise known phone; a Telegram username
 *   matching an imported one works the same way;
 * - by code: /daftar <kode> joins the unit of that proposal;
 * - across channels: /tautkan gives a one-time code, /tautkan <code> on the other channel links.
 * A match folds the other contact into the one who is chatting (see mergeContacts).
 */
export function identityRoute(kit: RouteKit): Composer {
  const { db } = kit;

  /** Folds every other contact holding this phone or username into the chatting one. */
  async function claim(
    contact: ContactView,
    by: { phone?: string; username?: string },
    reason: string,
  ): Promise<number> {
    const others = await contactsHolding(db, contact.id, by, IMPORT_CHANNEL);
    if (others.length === 0) return 0;
    await db.$transaction(async (tx) => {
      for (const o of others) await mergeContacts(tx, contact.id, o, reason);
    });
    kit.logger.info({ contactId: contact.id, merged: others.length, reason }, "contact linked");
    return others.length;
  }

  async function sharedPhone(
    msg: IncomingMessage,
    contact: ContactView,
    raw: string,
  ): Promise<OutgoingMessage[]> {
    const t = statusTexts(contact.locale);
    const phone = normalizePhone(raw);
    if (phone) {
      await setIdentityPhone(db, msg.channel, msg.userId, phone);
      await claim(contact, { phone }, "phone");
    }
    const units = await unitNamesOf(db, contact.id);
    return [{ text: [units.length && phone ? t.phoneLinked(units.join(", ")) : t.phoneNoMatch] }];
  }

  async function daftar(
    msg: IncomingMessage,
    contact: ContactView,
    arg: string | undefined,
  ): Promise<OutgoingMessage[]> {
    const t = statusTexts(contact.locale);
    if (!arg) return [{ text: [t.daftarUsage] }];
    const now = kit.clock();
    if (await kit.codes.blocked(msg, now)) return [{ text: [t.tooManyAttempts] }];
    const code = normalizeCode(arg);
    const p = code ? await proposalByCode(db, code) : null;
    if (!p) {
      await kit.codes.failed(msg, "daftar", now);
      await recordFailure(db, contact.id, "daftar", now);
      return [{ text: [t.codeNotFound] }];
    }
    const ref = newJoinRef();
    const joined = await joinUnit(db, {
      ref,
      contactId: contact.id,
      unitId: p.unitId,
      channel: msg.channel,
      code: p.code,
    });
    if (!joined) return [{ text: [t.daftarAlready(p.unit.name)] }];
    // A code is an invitation, not a password: everyone already in the unit, and the
    // secretariat, hear who joined and how to undo it.
    const who = contact.displayName || msg.profile?.displayName || "";
    await kit.notifier.notify({
      competitionId: p.competitionId,
      proposalIds: [p.id],
      alsoContactIds: await secretariatOf(db, p.competitionId),
      exceptContactIds: [contact.id],
      text: (l) => {
        const it = invitationTexts(l);
        return it.joinNotice(who || it.someone, it.channel(msg.channel), p.unit.name, p.code, ref);
      },
      summary: `joined ${p.code} via ${msg.channel}`,
      actorId: contact.id,
      security: true,
    });
    return [{ text: [invitationTexts(contact.locale).joinedOk(p.unit.name, p.code, p.title)] }];
  }

  async function tautkan(
    msg: IncomingMessage,
    contact: ContactView,
    arg: string | undefined,
  ): Promise<OutgoingMessage[]> {
    const t = statusTexts(contact.locale);
    const it = invitationTexts(contact.locale);
    const now = kit.clock();
    if (!isPrivateChat(msg)) return [{ text: [it.linkPrivateOnly] }];
    if (!arg)
      return [
        {
          text: [t.linkCode(await issueLinkCode(db, contact.id, now, LINK_CODE_MINUTES), LINK_CODE_MINUTES)],
        },
      ];
    if (await kit.codes.blocked(msg, now)) return [{ text: [t.tooManyAttempts] }];
    const code = arg.replace(/\D/g, "");
    const row = await findLinkCode(db, code);
    if (!row || row.expiresAt <= now) {
      await kit.codes.failed(msg, "tautkan", now);
      await recordFailure(db, contact.id, "tautkan", now);
      return [{ text: [t.linkBad] }];
    }
    if (row.contactId === contact.id) return [{ text: [t.linkSame] }];
    const [owner, me] = await Promise.all([accountsOf(db, row.contactId), accountsOf(db, contact.id)]);
    if (!owner || !me) return [{ text: [t.linkBad] }];
    // Channels of one person, never two people: one Telegram and one WhatsApp account.
    if ((owner.channels as string[]).includes(msg.channel))
      return [{ text: [it.linkSameChannel(it.channel(msg.channel))] }];
    const twice = me.channels.find((c) => owner.channels.includes(c));
    if (twice) return [{ text: [it.linkAlreadyLinked(it.channel(twice))] }];
    // A merge would give each account the other's staff roles: only the secretariat grants those.
    if ([...owner.roles].sort().join() !== [...me.roles].sort().join())
      return [{ text: [it.linkStaffNeedsSecretariat] }];
    const ownerChannel = owner.channels[0] ?? "telegram";
    const merged = await db.$transaction(async (tx) => {
      if (!(await consumeLinkCode(tx, code, row.contactId))) return false;
      await mergeContacts(tx, row.contactId, contact.id, "tautkan");
      await auditLink(tx, row.contactId, [ownerChannel, msg.channel]);
      return true;
    });
    if (!merged) return [{ text: [t.linkBad] }];
    kit.logger.info({ contactId: row.contactId, merged: contact.id }, "identities linked with a code");
    const competitionId = owner.competitionIds[0] ?? me.competitionIds[0] ?? (await anyCompetitionId(db));
    if (competitionId && (ownerChannel === "telegram" || ownerChannel === "whatsapp"))
      await kit.notifier.notify({
        competitionId,
        proposalIds: [],
        alsoContactIds: [row.contactId],
        onlyChannel: ownerChannel,
        text: (l) => {
          const x = invitationTexts(l);
          return x.linkNotice(x.channel(ownerChannel), x.channel(msg.channel));
        },
        summary: `accounts linked: ${ownerChannel} + ${msg.channel}`,
        actorId: row.contactId,
        security: true,
      });
    return [{ text: [it.linkDone(it.channel(msg.channel), it.channel(ownerChannel))] }];
  }

  // The duplicate check (the inbox) runs before this, for every message.
  return new Composer()
    .filter(
      ({ msg }) => msg.sharedPhone !== undefined,
      ({ msg, contact }) => sharedPhone(msg, contact, msg.sharedPhone!),
    )
    .command("daftar", ({ msg, contact, command }) => daftar(msg, contact, command!.arg || undefined))
    .command("tautkan", ({ msg, contact, command }) => tautkan(msg, contact, command!.args[0]))
    .use(async ({ msg, contact }, next) => {
      // Silent linking on ordinary messages: the conversation goes on, now with the unit's proposals.
      // Whether anything would link was read with the contact (linkable): most messages query nothing.
      if (contact.linkable !== false) {
        const { phone, username } = linkKeysOf(msg);
        if ((phone || username) && (await claim(contact, { phone, username }, phone ? "phone" : "username")))
          contact.proposals = undefined; // the dialogue reads them again, with the linked unit's
      }
      return next();
    });
}
