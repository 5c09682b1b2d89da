import { TransientSendError } from "../../core/messages.ts";

export interface PacingOptions {
  /** Mean gap between two sends. */
  minDelayMs: number;
  /** The gap varies by ± this much, so the rhythm does not look machine-made. */
  jitterMs: number;
  /** Proactive sends allowed in any 24 hours (replies count toward it but are never refused). */
  dailyCap: number;
}

export const DEFAULT_PACING: PacingOptions = { minDelayMs: 1500, jitterMs: 1000, dailyCap: 1000 };

/**
 * reply: answers to an inbound message; they go first and wait only a quarter of the gap.
 * send: proactive (notifications, broadcasts); full gap, refused beyond the daily cap.
 * edit: progress updates in place; full gap, not capped.
 */
export type LaneKind = "reply" | "send" | "edit";

/** One outbound lane: every WhatsApp message passes here, one at a time, spaced out. */
export interface SendLane {
  /** Runs the steps (one per WhatsApp message) in order, spaced; rejects on the first failure. */
  submit<T>(kind: LaneKind, steps: (() => Promise<T>)[]): Promise<T[]>;
  /** Refuses new work and rejects queued jobs with TransientSendError. */
  close(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface Job {
  kind: LaneKind;
  steps: (() => Promise<unknown>)[];
  resolve(results: unknown[]): void;
  reject(error: unknown): void;
}

export function createSendLane(
  options: PacingOptions & { now: () => number; sleep: (ms: number) => Promise<void>; random?: () => number },
): SendLane {
  const random = options.random ?? Math.random;
  const replies: Job[] = [];
  const others: Job[] = [];
  const sentAt: number[] = [];
  let lastStart = Number.NEGATIVE_INFINITY;
  let pumping = false;
  let closed = false;

  const gap = (kind: LaneKind): number => {
    const jittered = Math.max(0, options.minDelayMs + (random() * 2 - 1) * options.jitterMs);
    return kind === "reply" ? jittered / 4 : jittered;
  };

  const runJob = async (job: Job): Promise<void> => {
    const now = options.now();
    while (sentAt.length > 0 && sentAt[0]! <= now - DAY_MS) sentAt.shift();
    if (job.kind === "send" && sentAt.length + job.steps.length > options.dailyCap) {
      const retryAfterMs = sentAt.length > 0 ? sentAt[0]! + DAY_MS - now : DAY_MS;
      job.reject(
        new TransientSendError("WhatsApp daily send cap reached", retryAfterMs, {
          dailyCap: options.dailyCap,
        }),
      );
      return;
    }
    const results: unknown[] = [];
    try {
      for (const [index, step] of job.steps.entries()) {
        // Parts of one message after the first follow quickly, like a person's next bubble.
        const wait = lastStart + gap(index === 0 ? job.kind : "reply") - options.now();
        if (wait > 0) await options.sleep(wait);
        lastStart = options.now();
        results.push(await step());
        sentAt.push(lastStart);
      }
      job.resolve(results);
    } catch (error) {
      job.reject(error);
    }
  };

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      for (let job = replies.shift() ?? others.shift(); job; job = replies.shift() ?? others.shift()) {
        await runJob(job);
      }
    } finally {
      pumping = false;
    }
  };

  return {
    submit<T>(kind: LaneKind, steps: (() => Promise<T>)[]): Promise<T[]> {
      if (closed) return Promise.reject(new TransientSendError("WhatsApp channel stopped"));
      return new Promise<T[]>((resolve, reject) => {
        const job: Job = { kind, steps, resolve: (r) => resolve(r as T[]), reject };
        (kind === "reply" ? replies : others).push(job);
        void pump();
      });
    },
    close() {
      closed = true;
      for (const job of [...replies.splice(0), ...others.splice(0)]) {
        job.reject(new TransientSendError("WhatsApp channel stopped"));
      }
    },
  };
}
