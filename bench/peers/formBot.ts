/**
 * The peer of the side-by-side benchmark: the same registration-then-drafting dialogue as a
 * plain grammY bot on @grammyjs/conversations 2, the plugin grammY users reach for. Run as its
 * own process: `tsx bench/peers/formBot.ts <memory|file> <runner|start>` with
 * TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT and (file) PEER_DATA_DIR.
 */

import { autoRetry } from "@grammyjs/auto-retry";
import {
  type Conversation,
  type ConversationFlavor,
  conversations,
  createConversation,
} from "@grammyjs/conversations";
import { run, sequentialize } from "@grammyjs/runner";
import { FileAdapter } from "@grammyjs/storage-file";
import { Bot, type Context } from "grammy";

type Ctx = ConversationFlavor<Context>;

const [storageKind = "memory", loop = "runner"] = process.argv.slice(2);
const bot = new Bot<Ctx>(process.env.TELEGRAM_BOT_TOKEN ?? "", {
  client: { apiRoot: process.env.TELEGRAM_API_ROOT },
});

// As Klinik does (and grammY's docs advise): a dropped connection to the Bot API is retried, so
// a busy machine does not end the peer's run with a lost reply.
bot.api.config.use(autoRetry());

const storage =
  storageKind === "file"
    ? {
        type: "key" as const,
        // biome-ignore lint/suspicious/noExplicitAny: the adapter stores the plugin's versioned state as-is
        adapter: new FileAdapter<any>({ dirName: process.env.PEER_DATA_DIR ?? "peer-sessions" }),
      }
    : undefined;
// With the runner, updates of one chat must stay in order (as grammY's docs prescribe).
if (loop === "runner") bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
bot.use(conversations<Ctx, Ctx>(storage ? { storage } : {}));

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

async function form(conversation: Conversation<Ctx, Ctx>, ctx: Ctx): Promise<void> {
  await ctx.reply("Nama unit pelayanan Bapak/Ibu?");
  await conversation.waitFor("message:text");
  await ctx.reply("Instansi induknya?");
  await conversation.waitFor("message:text");
  await ctx.reply("Apa judul inovasi ini?");
  const title = (await conversation.waitFor("message:text")).message.text;
  await ctx.reply("Sejak tahun berapa inovasi ini berjalan?");
  await conversation.waitFor("message:text");
  await ctx.reply(`Proposal "${title}" dibuat. Bagian 1/8 · Ringkasan. Tulis jawaban Bapak/Ibu.`);
  let count = 0;
  for (;;) {
    const m = await conversation.waitFor("message:text");
    if (m.message.text === "selesai") {
      await m.reply(`Ringkasan · ${count} kata.`);
      return;
    }
    count += words(m.message.text);
    await m.reply(`(${count} kata) Lanjutkan, atau ketik selesai.`);
  }
}
bot.use(createConversation(form, "form"));
bot.command("start", (ctx) => ctx.conversation.enter("form"));

if (loop === "runner") {
  const runner = run(bot);
  const stop = () => void runner.stop().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} else {
  process.once("SIGTERM", () => void bot.stop().then(() => process.exit(0)));
  process.once("SIGINT", () => void bot.stop().then(() => process.exit(0)));
  void bot.start();
}
