import { randomInt } from "node:crypto";
import type { Logger } from "../logger.ts";
import { createSessionHolderLock } from "./sessionHolderLock.ts";

/**
 * Advisory-lock namespace ("KLHD") of the per-process liveness locks: a bot process on
 * PostgreSQL holds (KLHD, its id) while it lives, and stamps its inbox claims with that id.
 */
export const CLAIM_HOLDER_SPACE = 0x4b4c4844;

/** A random id for one process's claims. */
export function newClaimHolderId(): number {
  return randomInt(1, 2 ** 31 - 1);
}

/**
 * The embedded database's one process: its claims carry its id without a lock, so its own
 * claims read as alive to itself and a previous process's as gone (no lock holds them).
 */
export function localClaimHolder(): () => number {
  const id = newClaimHolderId();
  return () => id;
}

export interface ClaimHolder {
  /** Resolves once the liveness lock is held (retrying while the database is unreachable). */
  start(): Promise<void>;
  /** The id to stamp on claims; undefined while the lock is not held (claims fall back to the lease). */
  id(): number | undefined;
  stop(): Promise<void>;
}

/**
 * This process's identity for inbox claims (ADR 0007): when the process dies its database
 * session ends and the lock with it, so another process finding the claim sees the holder gone and
 * takes the message over at once. A broken lock connection is re-established; meanwhile claims
 * carry no holder and wait out the lease as before.
 */
export function createClaimHolder(opts: { url: string; logger: Logger }): ClaimHolder {
  const id = newClaimHolderId();
  let held = false;
  const lock = createSessionHolderLock({
    url: opts.url,
    key: [CLAIM_HOLDER_SPACE, id],
    retryMs: 1_000,
    onLost: () => {
      held = false;
      opts.logger.warn("lost the claim-holder lock (database connection broke); taking it again");
      void hold();
    },
  });
  async function hold(): Promise<void> {
    if (await lock.acquire()) held = true;
  }
  return {
    start: hold,
    id: () => (held ? id : undefined),
    stop: () => {
      held = false;
      return lock.release();
    },
  };
}
