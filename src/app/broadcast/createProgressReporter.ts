import { broadcastReportTexts } from "../../core/i18n/broadcastReportTexts.ts";
import {
  type ChannelName,
  type ChannelSender,
  type OutgoingMessage,
  PermanentSendError,
} from "../../core/messages.ts";
import type { Db } from "../../db/createDatabase.ts";
import {
  activeAnnouncements,
  moveAnnouncementStatus,
  saveProgressRef,
} from "../../db/queries/announcements.ts";
import { countDeliveries, type DeliveryCounts } from "../../db/queries/deliveryStore.ts";
import type { Logger } from "../../logger.ts";
import type { RateLimiter } from "./createRateLimiter.ts";
import { type ProgressRef, readProgressRef } from "./progressRef.ts";
import { shortId } from "./shortId.ts";

export interface ProgressDeps {
  db: Db;
  senders: Map<ChannelName, ChannelSender>;
  limiters: Map<ChannelName, RateLimiter>;
  logger: Logger;
  now: () => Date;
  /** On channels without edit, a new progress message every this many percent. */
  stepPercent: number;
}

const ACTIVE = ["queued", "sending"];

/**
 * Keeps the composer informed: one progress message edited in place on Telegram ("Terkirim
 * 600/1000 · gagal 3 · dilewati 12"), a new one every few percent on WhatsApp, then a final
 * report. It also closes announcements with nothing left to send; the conditional update lets
 * exactly one worker send the final report.
 */
export function createProgressReporter(deps: ProgressDeps) {
  const { db, logger } = deps;

  async function deliver(
    ref: ProgressRef,
    msg: OutgoingMessage,
    editId?: string,
  ): Promise<string | undefined> {
    const sender = deps.senders.get(ref.channel);
    if (!sender) return undefined;
    const done = await deps.limiters.get(ref.channel)?.acquire(`${ref.channel}:${ref.chatId}`);
    try {
      if (editId && sender.edit) {
        try {
          await sender.edit(ref.chatId, editId, msg);
          return editId;
        } catch (err) {
          // The progress message was deleted or is too old to edit: post a new one.
          if (!(err instanceof PermanentSendError)) throw err;
        }
      }
      return (await sender.send(ref.chatId, msg)).messageId;
    } finally {
      done?.();
    }
  }

  async function saveRef(id: string, ref: ProgressRef): Promise<void> {
    await saveProgressRef(db, id, ref);
  }

  async function report(id: string, ref: ProgressRef, c: DeliveryCounts): Promise<void> {
    const t = broadcastReportTexts(ref.locale);
    const text = t.progress(c.sent, c.total, c.failed, c.skipped);
    const editable = ref.channel === "telegram" && deps.senders.get(ref.channel)?.edit !== undefined;
    if (editable) {
      if (ref.lastText === text) return;
      const messageId = await deliver(ref, { text: [text] }, ref.messageId);
      if (messageId) await saveRef(id, { ...ref, messageId, lastText: text });
      return;
    }
    const done = c.sent + c.failed + c.skipped;
    const step = c.total === 0 ? 0 : Math.floor((done * 100) / c.total / deps.stepPercent);
    if (ref.step !== undefined && step <= ref.step) return;
    const messageId = await deliver(ref, { text: [text] });
    if (messageId !== undefined) await saveRef(id, { ...ref, messageId, lastText: text, step });
  }

  async function finish(id: string, ref: ProgressRef, c: DeliveryCounts): Promise<void> {
    const t = broadcastReportTexts(ref.locale);
    if (ref.channel === "telegram" && ref.messageId) {
      const text = t.progress(c.sent, c.total, c.failed, c.skipped);
      if (text !== ref.lastText) await deliver(ref, { text: [text] }, ref.messageId);
    }
    await deliver(ref, { text: [t.finished(shortId(id), c.sent, c.total, c.failed, c.skipped)] });
  }

  return {
    /** One round: close finished announcements, update the progress of running ones. */
    async tick(): Promise<void> {
      const now = deps.now();
      const active = await activeAnnouncements(db, ACTIVE, now, 50);
      if (active.length === 0) return;
      const counts = await countDeliveries(
        db,
        active.map((a) => a.id),
      );
      for (const a of active) {
        const c = counts.get(a.id)!;
        const ref = readProgressRef(a.progressRef);
        try {
          if (c.waiting === 0) {
            if (await moveAnnouncementStatus(db, a.id, ACTIVE, { status: "done", finishedAt: now })) {
              logger.info({ announcementId: a.id, ...c }, "announcement finished");
              if (ref) await finish(a.id, ref, c);
            }
            continue;
          }
          if (a.status === "queued")
            await moveAnnouncementStatus(db, a.id, ["queued"], { status: "sending" });
          if (ref) await report(a.id, ref, c);
        } catch (err) {
          logger.warn({ err, announcementId: a.id }, "progress report failed");
        }
      }
    },
  };
}
