import type { CloudStore } from "../channels/whatsapp-cloud/createCloudChannel.ts";
import type { CloudTemplates } from "../core/whatsapp/cloudTemplates.ts";
import type { Db } from "./createDatabase.ts";
import {
  countBusinessConversations,
  hasOpenBusinessConversation,
  lastInbound,
  openBusinessConversation,
  touchWindow,
} from "./queries/conversationWindows.ts";
import { type Receipt, recordReceipt } from "./queries/deliveryReceipts.ts";
import { loadCloudTemplates } from "./queries/whatsAppTemplates.ts";

const RECEIPTS = new Set<string>(["sent", "delivered", "read", "failed"]);

/**
 * The Cloud API channel's database side: windows, receipts, templates (cached a minute) and the
 * account's daily tier of business-initiated conversations, counted from the database so a
 * restart or a second process does not reset it (Infinity = unlimited).
 */
export function createCloudStore(db: Db, opts: { dailyTier: number; templateTtlMs?: number }): CloudStore {
  const cache = new Map<string, { at: number; value: CloudTemplates }>();
  const ttl = opts.templateTtlMs ?? 60_000;
  return {
    touchWindow: (externalId, at) => touchWindow(db, "whatsapp", externalId, at),
    lastInbound: (externalId) => lastInbound(db, "whatsapp", externalId),
    async templates(competitionId) {
      const hit = cache.get(competitionId);
      if (hit && Date.now() - hit.at < ttl) return hit.value;
      const value = await loadCloudTemplates(db, competitionId);
      cache.set(competitionId, { at: Date.now(), value });
      return value;
    },
    async receipt(r) {
      if (!RECEIPTS.has(r.status)) return;
      await recordReceipt(db, { ...r, status: r.status as Receipt });
    },
    async openConversation(externalId, now) {
      if (!Number.isFinite(opts.dailyTier)) {
        await openBusinessConversation(db, externalId, now);
        return true;
      }
      if (await hasOpenBusinessConversation(db, externalId, now)) return true;
      if ((await countBusinessConversations(db, now)) >= opts.dailyTier) return false;
      await openBusinessConversation(db, externalId, now);
      return true;
    },
  };
}
