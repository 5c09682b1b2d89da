import { z } from "zod";
import type { OutgoingMessage } from "../../core/messages.ts";
import { CLAIM_HOLDER_SPACE } from "../claimHolder.ts";
import type { Db, Tx } from "../createDatabase.ts";
import { execute, query, sql } from "../sql.ts";

/** One incoming message in the inbox: its channel and the channel's id for it. */
export interface UpdateKey {
  channel: string;
  updateId: string;
}

/** The claim a process holds on a message; its time is the token that finishing checks. */
export interface Claim extends UpdateKey {
  at: Date;
}

export type ClaimResult =
  | { kind: "fresh"; claim: Claim }
  /** Claimed before by a process that did not finish in the lease (killed): taken over. */
  | { kind: "retaken"; claim: Claim }
  /**
   * Another process is handling it right now. `holderAlive` false: the holder carries no
   * liveness lock (the embedded database, an older process), so only the lease frees the claim.
   */
  | { kind: "busy"; holderAlive: boolean }
  /**
   * Handled. `sent`: the channel confirmed the replies went out. `holderAlive`: the process that
   * handled it still runs, so it is sending them itself (or confirmed they failed for good).
   */
  | { kind: "done"; replies: OutgoingMessage[]; sent: boolean; holderAlive: boolean };

const storedReplies = z
  .array(
    z.object({
      text: z.array(
        z.union([
          z.string(),
          z.object({ b: z.string() }),
          z.object({ i: z.string() }),
          z.object({ code: z.string() }),
        ]),
      ),
      choices: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
      requestContact: z.boolean().optional(),
    }),
  )
  .catch([]);

/**
 * Claims a message for handling, before any route runs: a first delivery inserts the row; a
 * repeat finds it (done, or being handled); a claim older than the lease, or whose holder process
 * is gone (`holder`: this process's id, src/db/claimHolder.ts), is taken over. A claim stamped
 * with this process's own id is alive: this process holds it.
 */
export async function claimUpdate(
  db: Db,
  key: UpdateKey,
  now: Date,
  leaseMs: number,
  holder?: number,
): Promise<ClaimResult> {
  // ISO text cast to timestamp: the UTC wall time Prisma itself writes, whatever the session's zone.
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - leaseMs).toISOString();
  const rows = await query<{ inserted: boolean }>(
    db,
    sql`
    INSERT INTO "ProcessedUpdate" ("channel", "updateId", "createdAt", "claimedAt", "holder")
    VALUES (${key.channel}, ${key.updateId}, ${at}::timestamp, ${at}::timestamp, ${holder ?? null}::int)
    ON CONFLICT ("channel", "updateId") DO UPDATE SET "claimedAt" = EXCLUDED."claimedAt", "holder" = EXCLUDED."holder"
      WHERE "ProcessedUpdate"."doneAt" IS NULL AND ("ProcessedUpdate"."claimedAt" < ${staleBefore}::timestamp
        OR ("ProcessedUpdate"."holder" IS NOT NULL AND "ProcessedUpdate"."holder" IS DISTINCT FROM ${holder ?? null}::int
          AND NOT "claim_holder_alive"(${CLAIM_HOLDER_SPACE}::int, "ProcessedUpdate"."holder")))
    RETURNING (xmax = 0) AS inserted`,
  );
  const row = rows[0];
  if (row) return { kind: row.inserted ? "fresh" : "retaken", claim: { ...key, at: now } };
  const seen = await query<{
    done: boolean;
    replies: unknown;
    sent: boolean;
    alive: boolean;
    holder: number | null;
  }>(
    db,
    sql`
    SELECT "doneAt" IS NOT NULL AS done, "replies", "sentAt" IS NOT NULL AS sent, "holder",
      COALESCE("holder" = ${holder ?? null}::int
        OR ("holder" IS NOT NULL AND "claim_holder_alive"(${CLAIM_HOLDER_SPACE}::int, "holder")), false) AS alive
    FROM "ProcessedUpdate" WHERE "channel" = ${key.channel} AND "updateId" = ${key.updateId}`,
  );
  const found = seen[0];
  if (!found?.done) return { kind: "busy", holderAlive: found?.alive ?? false };
  const done = { kind: "done" as const, replies: storedReplies.parse(found.replies ?? []), sent: found.sent };
  if (found.sent || found.alive || holder === undefined) return { ...done, holderAlive: found.alive };
  // Its holder died before the send was confirmed: this process sends the replies again and holds
  // the row from now on, so one more repeat finds a living holder (one process resends, once).
  const took = await execute(
    db,
    sql`UPDATE "ProcessedUpdate" SET "holder" = ${holder}::int
      WHERE "channel" = ${key.channel} AND "updateId" = ${key.updateId} AND "sentAt" IS NULL
        AND "holder" IS NOT DISTINCT FROM ${found.holder}::int`,
  );
  return { ...done, holderAlive: took === 0 };
}

/** What of the replies is stored: text and choices (a document is not kept; a repeat gets its caption). */
export function repliesToStore(replies: readonly OutgoingMessage[]): object[] {
  return replies.map((r) => ({
    text: r.text,
    ...(r.choices ? { choices: r.choices } : {}),
    ...(r.requestContact ? { requestContact: true } : {}),
  }));
}

/**
 * Marks a claimed message done with its replies; false when the claim was lost meanwhile (taken
 * over after the lease), so the caller knows another process answers it.
 */
export async function finishUpdate(
  db: Db | Tx,
  claim: Claim,
  replies: readonly OutgoingMessage[],
  now: Date,
): Promise<boolean> {
  // Every answered command runs it: a direct statement (ADR 0023).
  const changed = await execute(
    db,
    sql`UPDATE "ProcessedUpdate" SET "doneAt" = ${now.toISOString()}::timestamp,
        "replies" = ${JSON.stringify(repliesToStore(replies))}::jsonb
      WHERE "channel" = ${claim.channel} AND "updateId" = ${claim.updateId} AND "doneAt" IS NULL
        AND "claimedAt" = ${claim.at.toISOString()}::timestamp`,
  );
  return changed === 1;
}

/** The channel confirmed the replies went out: a later repeat of the message is silent. */
export async function markSent(db: Db, key: UpdateKey, now: Date): Promise<void> {
  await execute(
    db,
    sql`UPDATE "ProcessedUpdate" SET "sentAt" = ${now.toISOString()}::timestamp
      WHERE "channel" = ${key.channel} AND "updateId" = ${key.updateId} AND "sentAt" IS NULL`,
  );
}

/** "Replies sent" marks, written in bulk: one statement per quarter second instead of one per message. */
export interface SentMarks {
  mark(key: UpdateKey): void;
  /** Writes what is pending (graceful stop). */
  flush(): Promise<void>;
}

/**
 * Batches markSent (ADR 0007, 0023): a mark waits at most `delayMs` (or for 500 others). While
 * the process lives a repeat is silent anyway (its holder is alive); only a kill inside that
 * window leaves replies that a redelivery after the restart sends again.
 */
export function createSentMarks(
  db: Db,
  opts: { onError: (err: unknown) => void; delayMs?: number; now?: () => Date },
): SentMarks {
  let pending: UpdateKey[] = [];
  let timer: NodeJS.Timeout | undefined;
  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const at = (opts.now?.() ?? new Date()).toISOString();
    try {
      await execute(
        db,
        sql`UPDATE "ProcessedUpdate" p SET "sentAt" = ${at}::timestamp
          FROM unnest(${batch.map((k) => k.channel)}::text[], ${batch.map((k) => k.updateId)}::text[]) AS k(channel, id)
          WHERE p."channel" = k.channel AND p."updateId" = k.id AND p."sentAt" IS NULL`,
      );
    } catch (err) {
      opts.onError(err);
    }
  }
  return {
    mark(key) {
      pending.push(key);
      if (pending.length >= 500) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), opts.delayMs ?? 250);
        timer.unref();
      }
    },
    flush,
  };
}

/**
 * Start-up on the embedded database, which one process owns: every unfinished claim was held by
 * a process that is gone, so it is released at once instead of after the lease. With `channel`,
 * only that channel's claims: Telegram in polling mode has one receiver (Telegram serves
 * getUpdates to one poller), so its unfinished claims belong to the poller that died.
 */
export async function releaseDeadClaims(db: Db, channel?: string): Promise<number> {
  const r = await db.processedUpdate.updateMany({
    where: { doneAt: null, ...(channel ? { channel } : {}) },
    data: { claimedAt: new Date(0) },
  });
  return r.count;
}

/** Forgets processed updates older than `before` (a redelivery that late is not expected). */
export async function pruneProcessedUpdates(db: Db, before: Date): Promise<number> {
  return (await db.processedUpdate.deleteMany({ where: { createdAt: { lt: before } } })).count;
}
