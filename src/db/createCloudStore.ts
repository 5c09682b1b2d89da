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
 * A receipt can arrive before the lane has recorded the send it belongs to (results are written
 * in group commits); it is tried again after these pauses, then dropped.
 */
const RECEIPT_RETRY_MS = [500, 2_000, 5_000, 15_000, 40_000];

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
      if (!RECEIPTS.has(r.status) || r.status === "sent") return;
      const receipt = { ...r, status: r.status as Receipt };
      const attempt = async (n: number): Promise<void> => {
        if ((await recordReceipt(db, receipt)) > 0 || n >= RECEIPT_RETRY_MS.length) return;
        await new Promise((res) => setTimeout(res, RECEIPT_RETRY_MS[n]).unref());
        return attempt(n + 1);
      };
      await attempt(0);
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
