import { plainText, type RichText } from "../../src/core/messages.ts";
import type { PrismaClient } from "../../src/db/generated/client.ts";
import type { FakeTelegramServer } from "../fakes/fakeTelegramServer.ts";
import type { TelegramPerson } from "./chatPeople.ts";

/** What the people sent and what the bot answered to each message, as the chats show it. */
export interface ReplyCount {
  sent: number;
  /** Bot messages the people received in answer (announcements and other chats' notices aside). */
  replies: number;
  /** Messages that got no reply: never handled, or handled and its replies never arrived. */
  lost: number;
  /** Messages whose reply arrived more than once. */
  doubled: number;
  /** The update ids of the doubled messages. */
  doubledIds: string[];
  /** The update ids of the lost messages. */
  lostIds: string[];
  /** A few lost messages, described (for the failure message). */
  lostExamples: string[];
}

/**
 * Matches every message a person sent to its replies: the bot stores the replies it gave each
 * update with the update (ProcessedUpdate, ADR 0007); each stored reply must have reached the
 * person's chat exactly as often as messages were answered with it. A message with no stored
 * reply, or whose reply never arrived, is lost; a reply that arrived more often is doubled.
 */
export async function countReplies(
  prisma: PrismaClient,
  fake: FakeTelegramServer,
  people: readonly TelegramPerson[],
  /** The token's bot id: the app keys a Telegram message as `<botId>:<update_id>`. */
  botId: string,
  /** Bot messages that are not answers to the person (an announcement copy). */
  notAnswer: (text: string) => boolean = () => false,
  /**
   * Messages whose replies may arrive twice (unconfirmed at a kill). Several messages can be
   * answered with the same text; an extra copy of it is put on one of these first, since only
   * they could have been sent again.
   */
  mayRepeat: readonly string[] = [],
): Promise<ReplyCount> {
  const c: ReplyCount = {
    sent: 0,
    replies: 0,
    lost: 0,
    doubled: 0,
    doubledIds: [],
    lostIds: [],
    lostExamples: [],
  };
  for (const p of people) {
    const keys = p.updateIds.map((id) => `${botId}:${id}`);
    c.sent += keys.length;
    const rows = await prisma.processedUpdate.findMany({
      where: { channel: "telegram", updateId: { in: keys } },
      select: { updateId: true, doneAt: true, replies: true },
    });
    const byKey = new Map(rows.map((r) => [r.updateId, r]));
    const received = new Map<string, number>();
    for (const m of fake.messagesTo(p.id)) {
      if (notAnswer(m.text)) continue;
      c.replies++;
      received.set(norm(m.text), (received.get(norm(m.text)) ?? 0) + 1);
    }
    // Each text the bot answered with, and the messages it answered with it (in order).
    const answeredWith = new Map<string, string[]>();
    for (const key of keys) {
      const row = byKey.get(key);
      const texts = row?.doneAt ? storedTexts(row.replies) : [];
      if (texts.length === 0) {
        c.lost++;
        c.lostIds.push(key);
        if (c.lostExamples.length < 5) c.lostExamples.push(`${key}: ${row ? "not done" : "never received"}`);
        continue;
      }
      for (const t of texts) answeredWith.set(t, [...(answeredWith.get(t) ?? []), key]);
    }
    const lost = new Set<string>();
    const doubled = new Set<string>();
    for (const [t, ks] of answeredWith) {
      const got = received.get(t) ?? 0;
      // Fewer copies than answers: the last answers' replies never arrived.
      for (const k of ks.slice(got)) lost.add(k);
      if (got > ks.length) {
        const likely = [
          ...ks.filter((k) => mayRepeat.includes(k)),
          ...ks.filter((k) => !mayRepeat.includes(k)).reverse(),
        ];
        for (const k of likely.slice(0, got - ks.length)) doubled.add(k);
      }
    }
    c.lost += lost.size;
    c.lostIds.push(...lost);
    for (const k of [...lost].slice(0, Math.max(0, 5 - c.lostExamples.length))) {
      const missing = storedTexts(byKey.get(k)?.replies).filter((t) => (received.get(t) ?? 0) === 0);
      c.lostExamples.push(
        `${k}: reply never arrived: ${JSON.stringify(missing.map((t) => t.slice(0, 160)))}`,
      );
    }
    for (const k of doubled) if (!lost.has(k)) c.doubledIds.push(k);
  }
  c.doubled = c.doubledIds.length;
  return c;
}

function storedTexts(replies: unknown): string[] {
  if (!Array.isArray(replies)) return [];
  return replies.flatMap((r) =>
    r && typeof r === "object" && Array.isArray((r as { text?: unknown }).text)
      ? [norm(plainText((r as { text: RichText }).text))]
      : [],
  );
}

/** Whitespace as Telegram shows it (the sender trims and may split at paragraph breaks). */
const norm = (t: string) => t.replace(/\s+/g, " ").trim();
