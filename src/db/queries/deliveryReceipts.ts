import type { Db } from "../createDatabase.ts";

export type Receipt = "sent" | "delivered" | "read" | "failed";

/**
 * A platform's receipt for a message the bot sent (Cloud API status webhooks): delivered and
 * read stamp the delivery row (read implies delivered, receipts may arrive out of order); a
 * failure after acceptance marks it failed with the platform's code. Returns rows changed.
 */
export async function recordReceipt(
  db: Db,
  r: { providerMessageId: string; status: Receipt; at: Date; error?: string },
): Promise<number> {
  const at = r.at.toISOString();
  switch (r.status) {
    case "delivered":
      return db.$executeRaw`UPDATE "Delivery" SET "deliveredAt" = COALESCE("deliveredAt", ${at}::timestamp)
        WHERE "providerMessageId" = ${r.providerMessageId}`;
    case "read":
      return db.$executeRaw`UPDATE "Delivery" SET "readAt" = COALESCE("readAt", ${at}::timestamp),
        "deliveredAt" = COALESCE("deliveredAt", ${at}::timestamp)
        WHERE "providerMessageId" = ${r.providerMessageId}`;
    case "failed":
      return db.$executeRaw`UPDATE "Delivery" SET status = 'failed', "lastError" = ${(r.error ?? "rejected: failed after sending").slice(0, 300)}
        WHERE "providerMessageId" = ${r.providerMessageId} AND status = 'sent' AND "deliveredAt" IS NULL`;
    default:
      return 0;
  }
}
