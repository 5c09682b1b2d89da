import { broadcastTexts } from "../../core/i18n/broadcastTexts.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { setOptedOut } from "../../db/queries/contacts.ts";
import { Composer } from "../pipeline/Composer.ts";
import type { BroadcastRouteDeps } from "./createBroadcastRoutes.ts";

/**
 * /berhenti turns announcements and reminders off for the person (all their chats: the flag is on
 * the contact). /mulai turns them on again but stays the coaching dialogue's command: this route
 * only flips the flag and lets the dialogue answer.
 */
export function optOutRoute(deps: BroadcastRouteDeps): Composer {
  const { db, logger } = deps;
  return new Composer()
    .command("berhenti", async ({ msg, contact }) => {
      if (!contact.optedOut) {
        await setOptedOut(db, contact.id, true);
        await recordAudit(db, { actorId: contact.id, action: "broadcast.optOut", subject: msg.channel });
        logger.info({ contactId: contact.id }, "contact opted out of announcements");
      }
      return [{ text: [broadcastTexts(contact.locale).optedOut] }];
    })
    .command("mulai", async ({ msg, contact }, next) => {
      if (!contact.optedOut) return next();
      await setOptedOut(db, contact.id, false);
      await recordAudit(db, { actorId: contact.id, action: "broadcast.optIn", subject: msg.channel });
      logger.info({ contactId: contact.id }, "contact subscribed to announcements again");
      return next();
    });
}
