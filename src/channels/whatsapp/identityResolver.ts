import { isLidUser, isPnUser, jidNormalizedUser } from "@whiskeysockets/baileys";
import { BoundedMap } from "./boundedMap.ts";
import { toE164 } from "./phone.ts";

/** Who wrote, as the app should see it. */
export interface ResolvedIdentity {
  /** The phone-number JID when known, else the LID (else the raw JID). */
  userId: string;
  /** The other known form(s): the LID beside a phone JID, or nothing. */
  aliases: string[];
  /** E.164 number when the phone JID is known. */
  phone?: string;
}

/**
 * Baileys 7 is LID-first: the same person may write as 1234…@lid and as 628…@s.whatsapp.net.
 * This resolver learns LID↔PN pairs (from message keys' *Alt fields, `lid-mapping.update`, and
 * Baileys' own mapping store) and names a person by their phone JID whenever it is known.
 */
export interface IdentityResolver {
  learn(lid: string, pn: string): void;
  resolve(jid: string, altJid?: string | null): Promise<ResolvedIdentity>;
  /** Synchronous best guess (phone JID if already learned), for per-user keys. */
  canonical(jid: string): string;
}

export function createIdentityResolver(
  options: { lookupPnForLid?: (lid: string) => Promise<string | null | undefined>; capacity?: number } = {},
): IdentityResolver {
  const lidToPn = new BoundedMap<string, string>(options.capacity ?? 50_000);
  const pnToLid = new BoundedMap<string, string>(options.capacity ?? 50_000);

  const learn = (lidJid: string, pnJid: string): void => {
    const lid = jidNormalizedUser(lidJid);
    const pn = jidNormalizedUser(pnJid);
    if (!isLidUser(lid) || !isPnUser(pn)) return;
    lidToPn.set(lid, pn);
    pnToLid.set(pn, lid);
  };

  return {
    learn,
    canonical(jid) {
      const normal = jidNormalizedUser(jid) || jid;
      return (isLidUser(normal) && lidToPn.get(normal)) || normal;
    },
    async resolve(jid, altJid) {
      const primary = jidNormalizedUser(jid) || jid;
      const alt = altJid ? jidNormalizedUser(altJid) : undefined;
      let lid = isLidUser(primary) ? primary : alt && isLidUser(alt) ? alt : undefined;
      let pn = isPnUser(primary) ? primary : alt && isPnUser(alt) ? alt : undefined;
      if (lid && pn) learn(lid, pn);
      if (lid && !pn) {
        pn = lidToPn.get(lid);
        if (!pn && options.lookupPnForLid) {
          const found = await options.lookupPnForLid(lid).catch(() => undefined);
          if (found && isPnUser(jidNormalizedUser(found))) {
            learn(lid, found);
            pn = jidNormalizedUser(found);
          }
        }
      }
      if (pn && !lid) lid = pnToLid.get(pn);
      const userId = pn ?? lid ?? primary;
      const aliases = [pn, lid, primary].filter((id): id is string => !!id && id !== userId);
      const phone = pn ? toE164(pn) : undefined;
      return { userId, aliases: [...new Set(aliases)], ...(phone ? { phone } : {}) };
    },
  };
}
