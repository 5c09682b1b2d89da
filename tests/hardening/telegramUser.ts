import type { FakeTelegramServer, SentMessage } from "../fakes/fakeTelegramServer.ts";
import { callbackQuery, telegramUser, textMessage } from "../fakes/telegramUpdates.ts";

export interface Reply {
  text: string;
  choices: string[];
}

/**
 * A scripted person on Telegram who behaves like a real one when the bot goes quiet: waits a
 * while, then says it again. Talks only through the fake Bot API server.
 */
export class TelegramPerson {
  readonly user;
  constructor(
    private fake: FakeTelegramServer,
    readonly id: number,
    /** Resolves once a bot process is up (after a kill, once it restarted). */
    readonly botUp: () => Promise<void>,
    private replyTimeoutMs = 8_000,
  ) {
    this.user = telegramUser(id);
  }

  /** Sends text (or presses a button) and returns the bot's answer, or undefined when none came. */
  async act(action: { text: string } | { press: string }): Promise<Reply | undefined> {
    const before = this.fake.messagesTo(this.id).length;
    this.fake.injectUpdate(
      "text" in action ? textMessage(this.user, action.text) : callbackQuery(this.user, action.press),
    );
    const deadline = Date.now() + this.replyTimeoutMs;
    let seen = before;
    let quietSince = Date.now();
    // An answer may be several messages: wait until none has arrived for a moment.
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 40));
      const n = this.fake.messagesTo(this.id).length;
      if (n !== seen) {
        seen = n;
        quietSince = Date.now();
      } else if (n > before && Date.now() - quietSince > 250) break;
    }
    if (seen === before) return undefined;
    return toReply(this.fake.messagesTo(this.id).slice(before));
  }

  /** Acts until the bot answers; between tries waits for a running bot (it may have been killed). */
  async insist(action: { text: string } | { press: string }, tries = 12): Promise<Reply> {
    for (let i = 0; i < tries; i++) {
      await this.botUp();
      const r = await this.act(action);
      if (r) return r;
    }
    throw new Error(`user ${this.id}: no answer to ${JSON.stringify(action)} after ${tries} tries`);
  }
}

function toReply(msgs: SentMessage[]): Reply {
  const choices = msgs.flatMap((m) => {
    const kb = m.replyMarkup && "inline_keyboard" in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
    return kb.flat().flatMap((b) => ("callback_data" in b && b.callback_data ? [b.callback_data] : []));
  });
  return { text: msgs.map((m) => m.text).join("\n"), choices };
}

/**
 * Registers a proposal, answering whatever the bot asks (so a lost answer or a repeated question
 * after a crash is handled the way a person would), until the bot shows the section list.
 */
export async function createProposal(p: TelegramPerson, title: string): Promise<void> {
  let r = await p.insist({ text: "/start" });
  for (let step = 0; step < 40; step++) {
    const has = (prefix: string) => r.choices.find((c) => c.startsWith(prefix));
    if (/dibuat \(kode KP-/.test(r.text) || has("sec:")) return;
    let next: { text: string } | { press: string } = { text: "/bagian" };
    if (has("grp:")) next = { press: has("grp:")! };
    else if (has("cat:")) next = { press: has("cat:")! };
    else if (r.text.includes("Nama unit pelayanan")) next = { text: `Unit ${p.id}` };
    else if (r.text.includes("Instansi induknya")) next = { text: "Pemerintah Kabupaten Uji" };
    else if (r.text.includes("Judul inovasinya")) next = { text: title };
    else if (r.text.includes("Sejak tahun berapa")) next = { text: "2019" };
    else if (r.choices.includes("new")) next = { press: "new" };
    r = await p.insist(next);
  }
  throw new Error(`user ${p.id}: could not register a proposal; last answer: ${r.text.slice(0, 200)}`);
}

/**
 * Writes one section: open it, send the text, "selesai". Returns once the bot acknowledged the
 * text as saved: its check of the section after "selesai", or the section shown back with
 * this text when an earlier try was saved but its answer lost.
 */
export async function writeSection(p: TelegramPerson, key: string, text: string): Promise<void> {
  for (let attempt = 0; attempt < 12; attempt++) {
    await p.insist({ text: "/bagian" });
    let r = await p.insist({ press: `sec:${key}` });
    if (r.choices.includes("revise")) {
      if (r.text.includes(text)) return; // saved by an earlier try whose answer was lost
      r = await p.insist({ press: "revise" });
    }
    await p.botUp();
    const counted = await p.act({ text });
    if (!counted || !/\d+ kata/.test(counted.text)) continue;
    const checked = await p.act({ text: "selesai" });
    if (checked && /· \d+(\/\d+)? kata ·/.test(checked.text)) return;
  }
  throw new Error(`user ${p.id}: section ${key} never acknowledged`);
}
