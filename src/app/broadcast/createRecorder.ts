import { withRetry } from "../../core/backoff.ts";
import type { Db } from "../../db/createDatabase.ts";
import { type DeliveryResult, recordResults } from "../../db/queries/deliveryStore.ts";
import type { Logger } from "../../logger.ts";

export interface Recorder {
  /** Queues a result; it is written at once, or with the others that arrive meanwhile. */
  push(result: DeliveryResult): void;
  /** Resolves when everything pushed so far is written (or given up). */
  drain(): Promise<void>;
}

const WRITE_TRIES = 4;
/**
 * Rows per statement: keeps each statement's parameters to a few kilobytes. The embedded
 * database's socket queues work per received chunk, so a message split over several chunks
 * could interleave with another connection's statement.
 */
const ROWS_PER_STATEMENT = 100;

/**
 * Group commit for delivery results. A result after a quiet spell is written at once; under load
 * writes start at most every `minIntervalMs`, each taking everything that arrived meanwhile, so
 * a thousand sends a second cost a few dozen statements, not a thousand. The window between "the
 * platform accepted" and "the row says sent" stays at most one interval plus one round trip.
 */
export function createRecorder(db: Db, logger: Logger, opts: { minIntervalMs?: number } = {}): Recorder {
  const minInterval = opts.minIntervalMs ?? 20;
  let queue: DeliveryResult[] = [];
  let writing: Promise<void> | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;

  async function writeAll(): Promise<void> {
    while (queue.length > 0) {
      const wait = lastStart + minInterval - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      lastStart = performance.now();
      const batch = queue.slice(0, ROWS_PER_STATEMENT);
      queue = queue.slice(batch.length);
      try {
        await withRetry(() => recordResults(db, batch), { attempts: WRITE_TRIES, baseMs: 200, maxMs: 2_000 });
      } catch (err) {
        // The rows stay "sending" and are claimed again after the lease: sent ones may repeat.
        logger.error(
          { err, deliveries: batch.length },
          "delivery results not written; they will be retried after the lease",
        );
      }
    }
  }

  function kick(): void {
    if (writing) return;
    writing = writeAll().finally(() => {
      writing = undefined;
      // A result pushed after the last check but before this callback would wait otherwise.
      if (queue.length > 0) kick();
    });
  }

  return {
    push(result) {
      queue.push(result);
      kick();
    },
    async drain() {
      while (writing) await writing;
    },
  };
}
