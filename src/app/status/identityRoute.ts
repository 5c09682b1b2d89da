import { randomInt } from "node:crypto";
import { statusTexts } from "../../core/i18n/statusTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import type { AppRoute } from "../createMessageHandler.ts";
import type { ContactView } from "../resolveContact.ts";
import { normalizeCode } from "./competitionData.ts";
import { IMPORT_CHANNEL, normalizePhone, normalizeUsername } from "./contactIdentity.ts";
import { mergeContacts } from "./mergeContacts.ts";
import { firstDelivery, parseCommand, type RouteKit, recordFailure, tooManyFailures } from "./routeKit.ts";

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
export function identityRoute(kit: RouteKit): AppRoute {
  const { db } = kit;

  async function unitNames(contactId: string): Promise<string[]> {
    const rows = await db.membership.findMany({
      where: { contactId },
      select: { unit: { select: { name: true } } },
      take: 10,
    });
    return rows.map((r) => r.unit.name);
  }

  /** Folds every other contact holding this phone or username into the chatting one. */
  async function claim(
    contact: ContactView,
    by: { phone?: string; username?: string },
    reason: string,
  ): Promise<number> {
    const or = [
      ...(by.phone ? [{ phone: by.phone }] : []),
      ...(by.username ? [{ channel: IMPORT_CHANNEL, username: by.username }] : []),
    ];
    if (or.length === 0) return 0;
    const others = await db.channelIdentity.findMany({
      where: { OR: or, contactId: { not: contact.id } },
      select: { contactId: true },
      distinct: ["contactId"],
    });
    if (others.length === 0) return 0;
    await db.$transaction(async (tx) => {
      for (const o of others) await mergeContacts(tx, contact.id, o.contactId, reason);
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
      await db.channelIdentity.updateMany({
        where: { channel: msg.channel, externalId: msg.userId },
        data: { phone },
      });
      await claim(contact, { phone }, "phone");
    }
    const units = await unitNames(contact.id);
    return [{ text: [units.length && phone ? t.phoneLinked(units.join(", ")) : t.phoneNoMatch] }];
  }

  async function daftar(
    msg: IncomingMessage,
    contact: ContactView,
    arg: string | undefined,
  ): Promise<OutgoingMessage[]> {
    const t = statusTexts(contact.locale);
    if (!arg) return [{ text: [t.daftarUsage] }];
    if (!(await firstDelivery(db, msg))) return [];
    const now = kit.clock();
    if (await tooManyFailures(db, contact.id, now)) return [{ text: [t.tooManyAttempts] }];
    const code = normalizeCode(arg);
    const p = code
      ? await db.proposal.findUnique({
          where: { code },
          select: { code: true, title: true, unitId: true, unit: { select: { name: true } } },
        })
      : null;
    if (!p) {
      await recordFailure(db, contact.id, "daftar", now);
      return [{ text: [t.codeNotFound] }];
    }
    const added = await db.membership.createMany({
      data: [{ contactId: contact.id, unitId: p.unitId }],
      skipDuplicates: true,
    });
    if (added.count === 0) return [{ text: [t.daftarAlready(p.unit.name)] }];
    await db.auditLog.create({
      data: { actorId: contact.id, action: "link.join", subject: p.code, details: { unitId: p.unitId } },
    });
    return [{ text: [t.daftarOk(p.unit.name, p.code, p.title)] }];
  }

  async function tautkan(
    msg: IncomingMessage,
    contact: ContactView,
    arg: string | undefined,
  ): Promise<OutgoingMessage[]> {
    const t = statusTexts(contact.locale);
    const now = kit.clock();
    if (!(await firstDelivery(db, msg))) return [];
    if (!arg) {
      await db.linkCode.deleteMany({
        where: { OR: [{ contactId: contact.id }, { expiresAt: { lt: now } }] },
      });
      for (;;) {
        const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
        const r = await db.linkCode.createMany({
          data: [
            { code, contactId: contact.id, expiresAt: new Date(now.getTime() + LINK_CODE_MINUTES * 60_000) },
          ],
          skipDuplicates: true,
        });
        if (r.count === 1) return [{ text: [t.linkCode(code, LINK_CODE_MINUTES)] }];
      }
    }
    if (await tooManyFailures(db, contact.id, now)) return [{ text: [t.tooManyAttempts] }];
    const code = arg.replace(/\D/g, "");
    const row = await db.linkCode.findUnique({
      where: { code },
      select: { contactId: true, expiresAt: true },
    });
    if (!row || row.expiresAt <= now) {
      await recordFailure(db, contact.id, "tautkan", now);
      return [{ text: [t.linkBad] }];
    }
    if (row.contactId === contact.id) return [{ text: [t.linkSame] }];
    // The code's owner stays; the account redeeming it joins them.
    await db.$transaction(async (tx) => {
      const used = await tx.linkCode.deleteMany({ where: { code, contactId: row.contactId } });
      if (used.count === 1) await mergeContacts(tx, row.contactId, contact.id, "tautkan");
    });
    kit.logger.info({ contactId: row.contactId, merged: contact.id }, "identities linked with a code");
    return [{ text: [t.linkDone] }];
  }

  return async (msg, contact) => {
    if (msg.sharedPhone) return sharedPhone(msg, contact, msg.sharedPhone);
    const cmd = parseCommand(msg.text);
    if (cmd?.name === "daftar") return daftar(msg, contact, cmd.args[0]);
    if (cmd?.name === "tautkan") return tautkan(msg, contact, cmd.args[0]);
    // Silent linking on ordinary messages: the conversation goes on, now with the unit's proposals.
    const phone =
      msg.channel === "whatsapp" && msg.profile?.phone ? normalizePhone(msg.profile.phone) : undefined;
    const username =
      msg.channel === "telegram" && msg.profile?.username
        ? normalizeUsername(msg.profile.username)
        : undefined;
    if (phone || username) await claim(contact, { phone, username }, phone ? "phone" : "username");
    return undefined;
  };
}
