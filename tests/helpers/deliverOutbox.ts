import pino from "pino";
import { createDeliveryWorker } from "../../src/app/broadcast/createDeliveryWorker.ts";
import type { ChannelName, ChannelSender } from "../../src/core/messages.ts";
import type { Db } from "../../src/db/createDatabase.ts";

/**
 * Runs the real outbox worker (as the dispatcher does) until no delivery is due, then stops it:
 * what the bot starts itself reaches the senders only this way.
 */
export async function deliverOutbox(db: Db, senders: Map<ChannelName, ChannelSender>): Promise<void> {
  const worker = createDeliveryWorker({
    db,
    senders,
    logger: pino({ level: "silent" }),
    quietHours: null,
    pollMs: 10,
    progressEveryMs: 20,
  });
  worker.start();
  try {
    const limit = Date.now() + 15_000;
    while (Date.now() < limit) {
      const due = await db.delivery.count({
        where: { status: { in: ["pending", "sending"] }, nextAttemptAt: { lte: new Date() } },
      });
      if (due === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("the outbox did not drain within 15 s");
  } finally {
    await worker.stop();
  }
}
