import type { Locale } from "../core/i18n/locale.ts";
import {
  type ChannelName,
  type ChannelSender,
  type OutgoingMessage,
  TransientSendError,
} from "../core/messages.ts";
import type { Db } from "../db/createDatabase.ts";
import type { Logger } from "../logger.ts";

/**
 * Tells one contact something outside a conversation (a stage change, released scores), in the
 * contact's language, on every channel the contact uses. Opted-out contacts are skipped.
 * Never throws for a failed send: a notification is best effort, /status always tells the truth.
 */
export interface Notifier {
  notify(contactId: string, msg: (locale: Locale) => OutgoingMessage): Promise<void>;
}

export interface NotifierDeps {
  db: Db;
  senders: Map<ChannelName, ChannelSender>;
  logger: Logger;
  /** Longest wait for a rate limit before giving up on that send (ms). */
  maxRetryWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const ATTEMPTS = 3;

export function createNotifier(deps: NotifierDeps): Notifier {
  const maxWait = deps.maxRetryWaitMs ?? 30_000;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function sendWithRetry(
    sender: ChannelSender,
    chatId: string,
    msg: OutgoingMessage,
    contactId: string,
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        await sender.send(chatId, msg);
        return;
      } catch (err) {
        const wait = err instanceof TransientSendError ? (err.retryAfterMs ?? 1_000 * attempt) : undefined;
        if (wait !== undefined && wait <= maxWait && attempt < ATTEMPTS) {
          await sleep(wait);
          continue;
        }
        deps.logger.warn({ err, contactId, channel: sender.name }, "notification not delivered");
        return;
      }
    }
  }

  return {
    async notify(contactId, render) {
      const contact = await deps.db.contact.findUnique({
        where: { id: contactId },
        select: {
          locale: true,
          optedOut: true,
          identities: { select: { channel: true, externalId: true }, orderBy: { createdAt: "asc" } },
        },
      });
      if (!contact || contact.optedOut) return;
      const msg = render(contact.locale === "en" ? "en" : "id");
      for (const [channel, chatId] of targets(contact.identities)) {
        const sender = deps.senders.get(channel as ChannelName);
        if (sender) await sendWithRetry(sender, chatId, msg, contactId);
      }
    },
  };
}

/**
 * One chat per channel: a WhatsApp contact may be known by a LID and a phone JID (the same
 * chat), so sending to both would say everything twice. The phone JID is preferred there.
 * Identities of channels without a sender (imported "import" rows) are never targets.
 */
function targets(identities: { channel: string; externalId: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of identities) {
    const had = out.get(i.channel);
    if (
      had === undefined ||
      (i.channel === "whatsapp" &&
        i.externalId.endsWith("@s.whatsapp.net") &&
        !had.endsWith("@s.whatsapp.net"))
    )
      out.set(i.channel, i.externalId);
  }
  return out;
}
