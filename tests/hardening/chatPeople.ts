import type { Writable } from "node:stream";
import type { FakeTelegramServer, SentMessage } from "../fakes/fakeTelegramServer.ts";
import { callbackQuery, telegramUser, textMessage } from "../fakes/telegramUpdates.ts";

/** What a person does: type a line, or pick one of the options they were shown. */
export type Action = { text: string } | { press: string };
export interface Reply {
  text: string;
  /** The options shown, by visible label, with the action that picks each. */
  options: { label: string; pick: Action }[];
}

/**
 * A scripted person who behaves like a real one when the bot goes quiet: waits a while, then
 * says it again once a bot is running. Channels differ only in how a line is sent and read.
 */
export abstract class ChatPerson {
  /** Messages sent, and how many of them were answered (within the reply timeout). */
  acts = 0;
  answered = 0;
  constructor(
    readonly botUp: () => Promise<void>,
    private replyTimeoutMs = 8_000,
    /** An answer is complete once no message came for this long. */
    private quietMs = 250,
  ) {}
  protected abstract send(a: Action): void;
  /** Everything the bot has shown this person so far, as a count and a reply from an index. */
  protected abstract seen(): number;
  protected abstract replySince(index: number): Reply;

  /** Acts and returns the bot's answer, or undefined when none came (the bot was killed). */
  async act(a: Action): Promise<Reply | undefined> {
    const before = this.seen();
    this.send(a);
    this.acts++;
    const deadline = Date.now() + this.replyTimeoutMs;
    let n = before;
    let quietSince = Date.now();
    // An answer may be several messages: wait until none has arrived for a moment.
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 40));
      const now = this.seen();
      if (now !== n) {
        n = now;
        quietSince = Date.now();
      } else if (n > before && Date.now() - quietSince > this.quietMs) break;
    }
    if (n === before) return undefined;
    this.answered++;
    return this.replySince(before);
  }

  /** Acts until the bot answers, waiting for a running bot between tries. */
  async insist(a: Action, tries = 12): Promise<Reply> {
    for (let i = 0; i < tries; i++) {
      await this.botUp();
      const r = await this.act(a);
      if (r) return r;
    }
    throw new Error(`no answer to ${JSON.stringify(a)} after ${tries} tries`);
  }
}

export class TelegramPerson extends ChatPerson {
  readonly user;
  /** The update_id of every update this person sent, in order (for counting replies per message). */
  readonly updateIds: number[] = [];
  constructor(
    protected fake: FakeTelegramServer,
    readonly id: number,
    botUp: () => Promise<void>,
    replyTimeoutMs?: number,
    quietMs?: number,
  ) {
    super(botUp, replyTimeoutMs, quietMs);
    this.user = telegramUser(id);
  }
  protected send(a: Action) {
    this.updateIds.push(this.fake.injectUpdate(this.update(a)));
  }
  protected update(a: Action) {
    return "text" in a ? textMessage(this.user, a.text) : callbackQuery(this.user, a.press);
  }
  protected seen() {
    return this.fake.messagesTo(this.id).length;
  }
  protected replySince(i: number): Reply {
    const msgs: SentMessage[] = this.fake.messagesTo(this.id).slice(i);
    const options = msgs.flatMap((m) => {
      const kb = m.replyMarkup && "inline_keyboard" in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
      return kb
        .flat()
        .flatMap((b) =>
          "callback_data" in b && b.callback_data
            ? [{ label: b.text, pick: { press: b.callback_data } }]
            : [],
        );
    });
    return { text: msgs.map((m) => m.text).join("\n"), options };
  }
}

let nextWebhookUpdateId = 50_000_000;

/**
 * A Telegram user whose updates reach the bot by webhook, as Telegram posts them: through a URL
 * (a load balancer in front of several bot processes), with the secret header.
 */
export class WebhookPerson extends TelegramPerson {
  /** Webhook answers other than 200 (none expected). */
  readonly refused: number[] = [];
  constructor(
    fake: FakeTelegramServer,
    id: number,
    botUp: () => Promise<void>,
    private target: { url: string; secret: string },
    // By default a slow answer is waited for, never taken for a lost one, and the parts of one
    // answer may arrive well apart when several bot processes share two cores.
    timing: { replyTimeoutMs: number; quietMs: number } = { replyTimeoutMs: 30_000, quietMs: 1_500 },
  ) {
    super(fake, id, botUp, timing.replyTimeoutMs, timing.quietMs);
  }
  protected override send(a: Action) {
    // Numbered here, as Telegram numbers an update before posting it (and reposts the same one).
    const update = { ...this.update(a), update_id: nextWebhookUpdateId++ };
    this.updateIds.push(update.update_id);
    void this.fake.webhookPost(this.target.url, update, this.target.secret).then(
      (r) => {
        if (r.status !== 200) this.refused.push(r.status);
      },
      () => this.refused.push(0),
    );
  }
}

/** The person at the terminal chat: lines on stdin, answers on stdout (numbered options). */
export class TerminalPerson extends ChatPerson {
  stdin: Writable | undefined;
  out = "";
  protected send(a: Action) {
    this.stdin?.write(`${"text" in a ? a.text : a.press}\n`);
  }
  protected seen() {
    return this.out.length;
  }
  protected replySince(i: number): Reply {
    const text = this.out.slice(i);
    const options = [...text.matchAll(/^ {2}(\d+)\. (.+)$/gm)].map((m) => ({
      label: m[2]!,
      pick: { text: m[1]! },
    }));
    return { text, options };
  }
}

const pick = (r: Reply, label: RegExp) => r.options.find((o) => label.test(o.label))?.pick;

/**
 * Registers a proposal, answering whatever the bot asks (so a lost answer or a question asked
 * again after a crash is handled as a person would), until the bot confirms it or lists its sections.
 */
export async function createProposal(p: ChatPerson, unit: string, title: string): Promise<void> {
  let r = await p.insist({ text: "/start" });
  for (let step = 0; step < 40; step++) {
    if (/dibuat \(kode KP-/.test(r.text) || pick(r, /^Ringkasan/)) return;
    let next: Action = { text: "/bagian" };
    if (/diikutkan pada kelompok apa|masuk kategori apa/.test(r.text) && r.options[0])
      next = r.options[0].pick;
    else if (r.text.includes("nama unit pelayanan")) next = { text: unit };
    else if (r.text.includes("instansi induk unit")) next = { text: "Pemerintah Kabupaten Uji" };
    else if (r.text.includes("judul inovasi ini")) next = { text: title };
    else if (r.text.includes("Sejak tahun berapa")) next = { text: "2019" };
    else if (pick(r, /Mulai proposal baru/)) next = pick(r, /Mulai proposal baru/)!;
    r = await p.insist(next);
  }
  throw new Error(`could not register a proposal; last answer: ${r.text.slice(0, 300)}`);
}

/**
 * Writes one section: open it from /bagian, send the text, "selesai". Returns once the bot
 * acknowledged the text as saved: its check after "selesai", or the section shown back with this
 * text when an earlier try was saved but its answer lost.
 */
export async function writeSection(p: ChatPerson, title: string, text: string): Promise<void> {
  for (let attempt = 0; attempt < 12; attempt++) {
    const list = await p.insist({ text: "/bagian" });
    const open = pick(list, new RegExp(`^${title}`));
    if (!open) continue;
    let r = await p.insist(open);
    const revise = pick(r, /^Perbaiki/);
    if (revise) {
      if (r.text.includes(text)) return; // saved by an earlier try whose answer was lost
      r = await p.insist(revise);
    }
    await p.botUp();
    const counted = await p.act({ text });
    if (!counted || !/\d+ kata/.test(counted.text)) continue;
    const checked = await p.act({ text: "selesai" });
    if (checked && /· \d+(\/\d+)? kata ·/.test(checked.text)) return;
  }
  throw new Error(`section ${title} never acknowledged`);
}
