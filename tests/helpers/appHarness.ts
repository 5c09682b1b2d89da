import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pino from "pino";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
import { createMessageHandler, type MessageHandlerDeps } from "../../src/app/createMessageHandler.ts";
import { seedDemo } from "../../src/app/seedDemo.ts";
import {
  confirmDelivered,
  type IncomingMessage,
  type OutgoingMessage,
  plainText,
} from "../../src/core/messages.ts";
import { loadTemplateFile } from "../../src/core/templates/loadTemplates.ts";
import type { TestDb } from "./testDb.ts";

export const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");
export const SECTION_KEYS = KIPP.sections.map((s) => s.key);

export function fixture(key: string, kind: "good" | "bad"): string {
  return readFileSync(`tests/fixtures/kipp-2023-umum/${key}.${kind}.txt`, "utf8").trim();
}

export async function seedKipp(db: TestDb, now = new Date("2026-11-22T03:00:00Z")) {
  await seedDemo(db.prisma, KIPP, now);
}

export function makeHandler(db: TestDb, extra: Partial<MessageHandlerDeps> = {}) {
  return createMessageHandler({
    db: db.prisma,
    competitions: createCompetitionCache(db.prisma, { ttlMs: 0 }),
    logger: pino({ level: "silent" }),
    defaultLocale: "id",
    timezone: "Asia/Jakarta",
    now: () => new Date("2026-11-22T03:00:00Z"),
    ...extra,
  });
}

/** One simulated person talking to the app layer, as a channel adapter would deliver them. */
export class Person {
  last: OutgoingMessage[] = [];
  constructor(
    private handler: (m: IncomingMessage) => Promise<OutgoingMessage[]>,
    readonly userId = `u-${randomUUID().slice(0, 8)}`,
    readonly channel: IncomingMessage["channel"] = "telegram",
  ) {}

  message(text: string | undefined, extra: Partial<IncomingMessage> = {}): IncomingMessage {
    return {
      channel: this.channel,
      chatId: this.userId,
      userId: this.userId,
      messageId: randomUUID(),
      text,
      ...extra,
    };
  }

  async say(text: string, extra: Partial<IncomingMessage> = {}): Promise<string> {
    return this.send(this.message(text, extra));
  }

  async press(choiceId: string): Promise<string> {
    return this.send(this.message(undefined, { choice: choiceId }));
  }

  /** Presses the offered choice whose label contains `label`. */
  async pick(label: string): Promise<string> {
    const c = this.choices().find((x) => x.label.toLowerCase().includes(label.toLowerCase()));
    if (!c)
      throw new Error(`no choice "${label}" among ${JSON.stringify(this.choices().map((x) => x.label))}`);
    return this.press(c.id);
  }

  /** Sends like a channel does: the replies count as delivered once received. */
  async send(m: IncomingMessage): Promise<string> {
    this.last = await this.handler(m);
    await confirmDelivered(this.last);
    return this.text();
  }

  text(): string {
    return this.last.map((r) => plainText(r.text)).join("\n---\n");
  }

  choices() {
    return this.last.flatMap((r) => r.choices ?? []);
  }

  /** Registers a new KIPP proposal through the dialogue and lands in its first section. */
  async createProposal(title = "Jemput Bola KTP-el untuk Lansia dan Disabilitas"): Promise<string> {
    await this.say("halo");
    await this.pick("Mulai proposal baru");
    await this.say("Dukcapil Kab. Banyumas");
    await this.say("Pemerintah Kabupaten Banyumas");
    if (this.choices().some((c) => c.id.startsWith("grp:"))) await this.press(this.choices()[0]!.id);
    if (this.choices().some((c) => c.id.startsWith("cat:"))) await this.press(this.choices()[0]!.id);
    await this.say(title);
    return this.say("2019");
  }
}
