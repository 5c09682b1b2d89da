import type { Logger } from "pino";
import type { UpdateInbox } from "../db/queries/inboxUpdates.ts";

export interface InboxReplay {
  /** Takes over what a process that is gone left in the inbox and hands it on; never rejects. */
  run(): Promise<void>;
  /** From now on, also every `ms` (several processes on one database). */
  sweep(ms: number): void;
  stop(): void;
}

/**
 * The one way a channel handles the updates a killed process had received and not finished
 * (ADR 0007): the inbox's rows taken over, oldest first, each handed to `onRow` as a fresh
 * delivery would be; one run at a time, however often it is asked for.
 */
export function createInboxReplay(opts: {
  inbox: UpdateInbox;
  logger: Logger;
  onRow(row: { updateId: string; payload: unknown }): void | Promise<void>;
}): InboxReplay {
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  function run(): Promise<void> {
    running ??= (async () => {
      try {
        const left = await opts.inbox.takeOver();
        if (left.length > 0)
          opts.logger.info({ updates: left.length }, "handling updates a stopped process received");
        for (const row of left) await opts.onRow(row);
      } catch (err) {
        opts.logger.warn({ err }, "could not read the inbox for updates left by a stopped process");
      } finally {
        running = undefined;
      }
    })();
    return running;
  }
  return {
    run,
    sweep(ms) {
      clearInterval(timer);
      timer = setInterval(() => void run(), ms);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
