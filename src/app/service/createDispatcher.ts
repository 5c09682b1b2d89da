import * as metrics from "../../http/metrics.ts";
import type { Logger } from "../../logger.ts";
import type { ServiceStatus } from "./createServiceStatus.ts";

/** What only the elected dispatcher runs: the outbox worker, reminders, pruning, the WhatsApp session. */
export interface DispatcherDuties {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The advisory lock the election holds (src/db/sessionHolderLock.ts), or none on the embedded database. */
export interface ElectionLock {
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

export interface DispatcherDeps {
  /** Undefined on the embedded database: the one process is the dispatcher. */
  lock?: ElectionLock;
  duties: DispatcherDuties;
  status: ServiceStatus;
  logger: Logger;
}

export interface Dispatcher {
  /** Embedded: takes the duties at once. PostgreSQL: stands by until elected, in the background. */
  start(): Promise<void>;
  /** Gives the duties up (finishing sends in flight), then the lock, so a standby takes over cleanly. */
  stop(): Promise<void>;
}

/**
 * One dispatcher among any number of bot processes on one database (ADR 0008): the process
 * holding the election lock paces every message the bot starts itself and holds the WhatsApp
 * session; the others receive and write to the outbox. When the dispatcher dies its lock
 * connection closes and a standby is elected at its next try.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { logger, status } = deps;
  let active = false;
  let stopping = false;
  let electing: Promise<void> | undefined;

  async function take(): Promise<void> {
    if (stopping) return;
    status.setRole("dispatcher");
    metrics.dispatcherRole.set(1);
    active = true;
    await deps.duties.start();
    logger.info("this process is the dispatcher");
  }

  return {
    async start() {
      if (!deps.lock) return take();
      logger.info("standing by as a receiver; the dispatcher is elected among the bot processes");
      electing = deps.lock.acquire().then(async (held) => {
        if (held) await take();
      });
      electing.catch((err: unknown) => logger.error({ err }, "dispatcher duties did not start"));
    },
    async stop() {
      stopping = true;
      // A standby stops waiting; an election that just succeeded finishes starting first.
      if (!active) await deps.lock?.release();
      await electing?.catch(() => undefined);
      if (active) {
        active = false;
        // Duties first, the lock last: no standby may take over while sends are in flight.
        await deps.duties.stop();
      }
      await deps.lock?.release();
      metrics.dispatcherRole.set(0);
      status.setRole("receiver");
    },
  };
}
