import type { Logger } from "pino";
import { z } from "zod";
import type { UpdateInbox } from "../../db/queries/inboxUpdates.ts";
import { createInboxReplay } from "../inboxReplay.ts";
import { type CloudWebhook, cloudMessageSchema } from "./webhookSchema.ts";

export type CloudMessage = z.infer<typeof cloudMessageSchema>;

/** What the inbox keeps of one message: as Meta sent it, with its sender's profile name. */
const inboxRow = z.object({ message: cloudMessageSchema, name: z.string().optional() });

/** The people's messages of a verified body, each with the name WhatsApp gives its sender. */
export function messagesOf(
  payload: CloudWebhook,
  logger?: Logger,
): { message: CloudMessage; name: string | undefined }[] {
  const out: { message: CloudMessage; name: string | undefined }[] = [];
  for (const entry of payload.entry)
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      const names = new Map((change.value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const raw of change.value.messages ?? []) {
        const parsed = cloudMessageSchema.safeParse(raw);
        if (!parsed.success) {
          logger?.info({ issues: parsed.error.issues.slice(0, 2) }, "WhatsApp Cloud message ignored");
          continue;
        }
        out.push({ message: parsed.data, name: names.get(parsed.data.from) });
      }
    }
  return out;
}

export interface CloudInbox {
  /** Records a verified body's messages (before Meta gets its 200). */
  record(payload: CloudWebhook): Promise<void>;
  /** Resolves once the rows found at creation are handed on. */
  ready: Promise<void>;
  stop(): void;
}

/**
 * The Cloud channel's inbox (ADR 0007): each message is recorded before the 200, so a process
 * that dies before handling it loses nothing; the rows a process that is gone left are taken
 * over at creation and, with `sweepMs` (several processes), every so often, and handed to
 * `accept` like a fresh delivery. The channel clears a row once its message is handled.
 */
export function createCloudInbox(deps: {
  inbox: UpdateInbox;
  sweepMs?: number;
  logger: Logger;
  accept(message: CloudMessage, name: string | undefined): void;
}): CloudInbox {
  const { inbox, logger } = deps;
  const replay = createInboxReplay({
    inbox,
    logger,
    async onRow(row) {
      const stored = inboxRow.safeParse(row.payload);
      if (stored.success) deps.accept(stored.data.message, stored.data.name);
      else await inbox.done(row.updateId);
    },
  });
  if (deps.sweepMs) replay.sweep(deps.sweepMs);
  return {
    async record(payload) {
      const rows = messagesOf(payload).map(({ message, name }) => ({
        updateId: message.id,
        payload: { message, ...(name ? { name } : {}) },
      }));
      await inbox.record(rows);
    },
    ready: replay.run(),
    stop: replay.stop,
  };
}
