import { pipelineTexts } from "../../core/i18n/pipelineTexts.ts";
import type { OutgoingMessage, Replies } from "../../core/messages.ts";
import type { Db } from "../../db/createDatabase.ts";
import {
  claimUpdate,
  finishUpdate,
  markSent,
  type SentMarks,
  type UpdateKey,
} from "../../db/queries/processedUpdates.ts";
import type { Logger } from "../../logger.ts";
import type { Middleware } from "./Composer.ts";

/** Longer than any one handling (a document parse, an awaited /saran), shorter than a redelivery. */
export const CLAIM_LEASE_MS = 120_000;

/**
 * A repeat that finds the message being handled looks again after these waits: a redelivery
 * that follows its holder's death can arrive before the database has ended the dead session.
 */
const RECHECK_MS = [100, 300, 600];

/**
 * The duplicate check, before any route and for every message: a message is claimed in the inbox
 * (ProcessedUpdate) first; a repeat of a finished one gets its stored replies again when they
 * were never confirmed sent, and nothing once they were; a repeat of one being handled gets
 * nothing, unless the process holding it is gone (`holder`), when it is taken over at once. What
 * the routes answer is stored with the claim (the dialogue stores it inside its own transaction and
 * says so with ctx.settled). See ADR 0007.
 */
export function inbox(deps: {
  db: Db;
  logger: Logger;
  now: () => Date;
  leaseMs?: number;
  /** This process's claim-holder id (PostgreSQL); undefined: claims are freed by the lease only. */
  holder?: () => number | undefined;
  /** Writes "replies sent" in bulk; without it each is written at once. */
  sentMarks?: SentMarks;
  /** Other processes share the database (PostgreSQL): a busy claim is looked at again (RECHECK_MS). */
  recheckBusy?: boolean;
}): Middleware {
  const { db, logger } = deps;
  const lease = deps.leaseMs ?? CLAIM_LEASE_MS;
  return async (ctx, next) => {
    const key: UpdateKey = { channel: ctx.msg.channel, updateId: ctx.msg.messageId };
    const log = () => ({ channel: key.channel, messageId: key.updateId });
    const claim = () => claimUpdate(db, key, deps.now(), lease, deps.holder?.());
    let claimed = await claim();
    for (const wait of deps.recheckBusy ? RECHECK_MS : []) {
      if (claimed.kind !== "busy") break;
      await new Promise((r) => setTimeout(r, wait));
      claimed = await claim();
    }
    if (claimed.kind === "busy") {
      logger.debug(log(), "repeat of a message being handled; ignored");
      return [];
    }
    if (claimed.kind === "done") {
      logger.debug(
        { ...log(), sent: claimed.sent, holderAlive: claimed.holderAlive },
        "repeat of a handled message",
      );
      // A living holder sends the replies itself; only a dead one's unconfirmed replies go again.
      return claimed.sent || claimed.holderAlive ? [] : delivered(key, claimed.replies);
    }
    ctx.claim = claimed.claim;
    const spec = ctx.command?.spec;
    let out: Replies;
    if (claimed.kind === "retaken" && spec?.repeat === "ignore") {
      logger.warn({ ...log(), command: spec.name }, "interrupted command not run again");
      out = [{ text: [pipelineTexts(ctx.contact.locale).interrupted(spec.name)] }];
    } else {
      out = await next();
    }
    if (!ctx.settled && !(await finishUpdate(db, claimed.claim, out, deps.now()))) {
      logger.warn(log(), "claim lost while handling (lease passed); another process answers");
      return [];
    }
    return delivered(key, out, out.followUp);
  };

  /** Replies whose sending the channel confirms (Replies.delivered), so a later repeat stays silent. */
  function delivered(key: UpdateKey, messages: OutgoingMessage[], followUp?: Replies["followUp"]): Replies {
    const out: Replies = [...messages];
    if (followUp) out.followUp = followUp;
    out.delivered = async () => {
      if (deps.sentMarks) return deps.sentMarks.mark(key);
      await markSent(db, key, deps.now()).catch((err: unknown) =>
        logger.warn({ err, channel: key.channel, messageId: key.updateId }, "could not mark replies sent"),
      );
    };
    return out;
  }
}
