import { invitationTexts } from "../../core/i18n/invitationTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import {
  changeProposalCode,
  isMember,
  isSecretariat,
  joinByRef,
  proposalByCode,
  removeFromUnit,
  secretariatOf,
  unitProposals,
} from "../../db/queries/invitations.ts";
import { activeProposal } from "../activeProposal.ts";
import { newProposalCode } from "../codes.ts";
import type { AppRoute } from "../createMessageHandler.ts";
import type { ContactView } from "../resolveContact.ts";
import { normalizeCode } from "./competitionData.ts";
import { firstDelivery, parseCommand, type RouteKit } from "./routeKit.ts";

/**
 * What makes a proposal code an invitation rather than a password: /keluarkan <ref> takes a
 * joiner out of the unit again (any member of the unit, or the competition's secretariat), and
 * /kodebaru [kode] gives the proposal a new code so the old one stops working (same people).
 * Both are audit-logged; a rotation is told to the unit and the secretariat through the outbox.
 */
export function invitationRoute(kit: RouteKit): AppRoute {
  const { db } = kit;

  /** A member of the unit, or secretariat of a competition the unit takes part in. */
  async function mayManage(contactId: string, unitId: string): Promise<boolean> {
    if (await isMember(db, contactId, unitId)) return true;
    for (const p of await unitProposals(db, unitId))
      if (await isSecretariat(db, contactId, p.competitionId)) return true;
    return false;
  }

  async function keluarkan(
    msg: IncomingMessage,
    contact: ContactView,
    arg?: string,
  ): Promise<OutgoingMessage[]> {
    const it = invitationTexts(contact.locale);
    if (!arg) return [{ text: [it.removeUsage] }];
    if (!(await firstDelivery(db, msg))) return [];
    const ref = arg.trim().toUpperCase();
    const join = await joinByRef(db, ref);
    if (!join) return [{ text: [it.removeNotFound] }];
    if (!(await mayManage(contact.id, join.unitId))) return [{ text: [it.removeNotAllowed] }];
    const [p] = await unitProposals(db, join.unitId);
    const removed = await removeFromUnit(db, {
      contactId: join.contactId,
      unitId: join.unitId,
      actorId: contact.id,
      ref,
    });
    if (!removed) return [{ text: [it.removeNotFound] }];
    const unit = p?.unit.name ?? "";
    if (p && join.contactId !== contact.id)
      await kit.notifier.notify({
        competitionId: p.competitionId,
        proposalIds: [],
        alsoContactIds: [join.contactId],
        text: (l) => invitationTexts(l).removedNotice(unit),
        summary: `removed from ${unit}`,
        actorId: contact.id,
        security: true,
      });
    return [{ text: [it.removeDone(join.contact.displayName || it.someone, unit)] }];
  }

  async function kodebaru(
    msg: IncomingMessage,
    contact: ContactView,
    arg?: string,
  ): Promise<OutgoingMessage[]> {
    const it = invitationTexts(contact.locale);
    const code = arg ? normalizeCode(arg) : (await activeProposal(db, contact.id))?.code;
    if (!code) return [{ text: [it.rotateUsage] }];
    if (!(await firstDelivery(db, msg))) return [];
    const p = await proposalByCode(db, code);
    if (!p || !(await mayManage(contact.id, p.unitId))) return [{ text: [it.rotateNotAllowed] }];
    let fresh = newProposalCode();
    for (
      let i = 0;
      !(await changeProposalCode(db, { proposalId: p.id, from: p.code, to: fresh, actorId: contact.id }));
      i++
    ) {
      if (i >= 5) return [{ text: [it.rotateNotAllowed] }];
      fresh = newProposalCode();
    }
    const who = contact.displayName;
    await kit.notifier.notify({
      competitionId: p.competitionId,
      proposalIds: [p.id],
      alsoContactIds: await secretariatOf(db, p.competitionId),
      exceptContactIds: [contact.id],
      text: (l) => {
        const x = invitationTexts(l);
        return x.rotateNotice(who || x.someone, p.code, fresh);
      },
      summary: `code ${p.code} → ${fresh}`,
      actorId: contact.id,
      security: true,
    });
    return [{ text: [it.rotateDone(p.code, fresh)] }];
  }

  return async (msg, contact) => {
    const cmd = parseCommand(msg.text);
    if (cmd?.name === "keluarkan") return keluarkan(msg, contact, cmd.args[0]);
    if (cmd?.name === "kodebaru") return kodebaru(msg, contact, cmd.rest || undefined);
    return undefined;
  };
}
