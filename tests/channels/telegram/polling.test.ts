import { afterEach, describe, expect, it } from "vitest";
import { channelTexts } from "../../../src/core/i18n/channelTexts.ts";
import type { OutgoingMessage } from "../../../src/core/messages.ts";
import {
  callbackQuery,
  channelPost,
  contactMessage,
  documentMessage,
  groupMessage,
  photoMessage,
  stickerMessage,
  telegramUser,
  textMessage,
  voiceMessage,
} from "../../fakes/telegramUpdates.ts";
import { gate, type Harness, startHarness } from "./harness.ts";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const ani = telegramUser(1001, {
  first_name: "Ani",
  last_name: "Lestari",
  username: "ani_l",
  language_code: "id",
});
const bob = telegramUser(1002, { first_name: "Bob", language_code: "en" });

describe("telegram channel, polling", () => {
  it("maps a text update to an IncomingMessage keyed by update_id and sends the reply", async () => {
    h = await startHarness();
    const updateId = h.fake.injectUpdate(textMessage(ani, "halo"));
    const [msg] = await h.waitForReceived(1);
    expect(msg).toMatchObject({
      channel: "telegram",
      chatId: "1001",
      userId: "1001",
      messageId: `123456:${updateId}`,
      text: "halo",
      profile: { displayName: "Ani Lestari", username: "ani_l", languageCode: "id" },
    });
    const [sent] = await h.fake.waitForMessages(1001, 1);
    expect(sent?.text).toBe("echo: halo");
  });

  it("renders choices as an inline keyboard; a press reaches the app as choice and is answered", async () => {
    h = await startHarness();
    h.handler = async (msg) =>
      msg.choice
        ? [{ text: [`dipilih: ${msg.choice}`] }]
        : [
            {
              text: ["Ringkasan hampir lengkap."],
              choices: [
                { id: "sec:fix", label: "Perbaiki" },
                { id: "sec:add", label: "Tambah" },
                { id: "sec:next", label: "Bagian berikutnya" },
              ],
            },
          ];
    h.fake.injectUpdate(textMessage(ani, "selesai"));
    const [question] = await h.fake.waitForMessages(1001, 1);
    expect(question?.replyMarkup).toEqual({
      inline_keyboard: [
        [
          { text: "Perbaiki", callback_data: "sec:fix" },
          { text: "Tambah", callback_data: "sec:add" },
        ],
        [{ text: "Bagian berikutnya", callback_data: "sec:next" }],
      ],
    });

    const updateId = h.fake.injectUpdate(callbackQuery(ani, "sec:next", { messageId: question!.messageId }));
    const received = await h.waitForReceived(2);
    expect(received[1]).toMatchObject({
      choice: "sec:next",
      messageId: `123456:${updateId}`,
      chatId: "1001",
    });
    expect(received[1]?.text).toBeUndefined();
    const answered = await h.fake.waitForCall("answerCallbackQuery");
    expect(answered.params.text).toBeUndefined();
    expect((await h.fake.waitForMessages(1001, 2))[1]?.text).toBe("dipilih: sec:next");
  });

  it("answers tampered or oversized callback data as a stale button without calling the app", async () => {
    h = await startHarness();
    h.fake.injectUpdate(callbackQuery(ani, "x".repeat(200)));
    h.fake.injectUpdate(callbackQuery(bob, "ok\u0000<script>"));
    await h.fake.waitUntil(() => h.fake.callsOf("answerCallbackQuery").length === 2, "two answers");
    const texts = h.fake.callsOf("answerCallbackQuery").map((c) => c.params.text);
    expect(texts.sort()).toEqual([channelTexts("en").staleButton, channelTexts("id").staleButton].sort());
    await h.close();
    expect(h.received).toHaveLength(0);
  });

  it("escapes text that looks like HTML, and renders bold, italic and code spans", async () => {
    h = await startHarness();
    h.handler = async (msg) => [
      { text: ["Anda menulis: ", msg.text!, " ", { b: "<tebal>" }, { i: "miring" }, { code: "a&b" }] },
    ];
    h.fake.injectUpdate(textMessage(ani, "<b>bukan tebal</b> & <script>alert(1)</script>"));
    const [sent] = await h.fake.waitForMessages(1001, 1);
    expect(sent?.text).toBe("Anda menulis: <b>bukan tebal</b> & <script>alert(1)</script> <tebal>miringa&b");
    expect(sent?.raw).toContain("&lt;b&gt;bukan tebal&lt;/b&gt; &amp; &lt;script&gt;");
    expect(sent?.entities).toEqual([
      { type: "bold", text: "<tebal>" },
      { type: "italic", text: "miring" },
      { type: "code", text: "a&b" },
    ]);
  });

  it("sends a 9,000-character reply as several messages of at most 4096, split at paragraphs", async () => {
    h = await startHarness();
    const paragraphs = Array.from({ length: 30 }, (_, i) =>
      `Paragraf ${i + 1}. ${"isi <penting> & ".repeat(18)}`.trim(),
    );
    const long = paragraphs.join("\n\n");
    expect(long.length).toBeGreaterThan(9000);
    h.handler = async () => [{ text: [long], choices: [{ id: "ok", label: "Oke" }] }];
    h.fake.injectUpdate(textMessage(ani, "/lihat"));
    await h.fake.waitForMessages(1001, 3);
    await h.close();
    const parts = h.fake.messagesTo(1001);
    expect(parts.length).toBe(3);
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(4096);
      expect(part.text.startsWith("Paragraf ")).toBe(true);
      expect(paragraphs).toContain(part.text.split("\n\n").at(-1));
    }
    expect(parts.map((p) => p.text).join("\n\n")).toBe(long);
    expect(parts.map((p) => p.replyMarkup)).toEqual([
      undefined,
      undefined,
      { inline_keyboard: [[{ text: "Oke", callback_data: "ok" }]] },
    ]);
  });

  it("downloads a document through getFile and the file path", async () => {
    h = await startHarness();
    const bytes = new TextEncoder().encode("%PDF-1.7 proposal");
    h.fake.addFile("doc-1", bytes, { fileName: "proposal.pdf" });
    let downloaded: Uint8Array | undefined;
    h.handler = async (msg) => {
      downloaded = await msg.attachment!.fetch!();
      return [{ text: [`diterima ${downloaded.byteLength} byte`] }];
    };
    h.fake.injectUpdate(
      documentMessage(ani, {
        fileId: "doc-1",
        fileName: "proposal.pdf",
        mimeType: "application/pdf",
        size: bytes.byteLength,
      }),
    );
    const [msg] = await h.waitForReceived(1);
    expect(msg?.attachment).toMatchObject({
      kind: "document",
      fileName: "proposal.pdf",
      mimeType: "application/pdf",
      size: bytes.byteLength,
    });
    expect(msg?.text).toBeUndefined();
    const [sent] = await h.fake.waitForMessages(1001, 1);
    expect(sent?.text).toBe(`diterima ${bytes.byteLength} byte`);
    expect(downloaded).toEqual(bytes);
    expect((await h.fake.waitForCall("getFile")).params.file_id).toBe("doc-1");
  });

  it("refuses a document above maxFileBytes with the message, without calling the app", async () => {
    h = await startHarness({ channel: { maxFileBytes: 1000 } });
    h.fake.injectUpdate(documentMessage(bob, { fileId: "big", fileName: "besar.pdf", size: 5000 }));
    const [sent] = await h.fake.waitForMessages(1002, 1);
    expect(sent?.text).toBe(channelTexts("en").fileTooLarge);
    await h.close();
    expect(h.received).toHaveLength(0);
    expect(h.fake.callsOf("getFile")).toHaveLength(0);
  });

  it("passes photos, stickers and voice as attachments without text; a shared own contact as sharedPhone", async () => {
    h = await startHarness();
    h.fake.injectUpdate(photoMessage(ani, "photo-1", 2048));
    await h.waitForReceived(1);
    h.fake.injectUpdate(stickerMessage(ani));
    await h.waitForReceived(2);
    h.fake.injectUpdate(voiceMessage(ani));
    await h.waitForReceived(3);
    h.fake.injectUpdate(contactMessage(ani, "628123456789"));
    await h.waitForReceived(4);
    h.fake.injectUpdate(contactMessage(ani, "628999", { userId: 4242 }));
    const received = await h.waitForReceived(5);
    expect(received.map((m) => m.attachment?.kind)).toEqual([
      "image",
      "sticker",
      "audio",
      undefined,
      "other",
    ]);
    expect(received.every((m) => m.text === undefined)).toBe(true);
    expect(received[0]?.attachment).toMatchObject({ size: 2048 });
    expect(received[3]).toMatchObject({ sharedPhone: "+628123456789", profile: { phone: "+628123456789" } });
    expect(received[4]?.sharedPhone).toBeUndefined();
    // The reply after a shared contact takes the share keyboard away.
    const replies = await h.fake.waitForMessages(1001, 4);
    expect(replies[3]?.replyMarkup).toEqual({ remove_keyboard: true });
  });

  it("offers a one-time contact keyboard when the app requests the phone number", async () => {
    h = await startHarness();
    h.handler = async () => [
      {
        text: ["Boleh minta nomor telepon Bapak/Ibu?"],
        requestContact: true,
        choices: [{ id: "skip", label: "Lewati" }],
      },
    ];
    h.fake.injectUpdate(textMessage(bob, "hi"));
    const [sent] = await h.fake.waitForMessages(1002, 1);
    expect(sent?.replyMarkup).toEqual({
      keyboard: [
        [{ text: channelTexts("en").sharePhoneButton, request_contact: true }],
        [{ text: "Lewati" }],
      ],
      one_time_keyboard: true,
      resize_keyboard: true,
    });
  });

  it("in groups answers only commands addressed to the bot, with a pointer to the private chat", async () => {
    h = await startHarness();
    h.fake.injectUpdate(groupMessage(ani, -100500, "halo semua"));
    h.fake.injectUpdate(groupMessage(ani, -100500, "/mulai"));
    h.fake.injectUpdate(groupMessage(ani, -100500, "/mulai@OtherBot"));
    h.fake.injectUpdate(channelPost(-100900, "pengumuman"));
    const last = h.fake.injectUpdate(groupMessage(ani, -100500, "/mulai@KlinikInovasiBot"));
    const [pointer] = await h.fake.waitForMessages(-100500, 1);
    expect(pointer?.text).toBe(`${channelTexts("id").groupPointer}https://t.me/KlinikInovasiBot`);
    await h.fake.waitForDelivered(last);
    await h.close();
    expect(h.received).toHaveLength(0);
    expect(h.fake.messages).toHaveLength(1);
  });

  it("skips getMe when the username is configured", async () => {
    h = await startHarness({ channel: { botUsername: "KlinikInovasiBot" } });
    h.fake.injectUpdate(groupMessage(ani, -100600, "/bantuan@klinikinovasibot"));
    const [pointer] = await h.fake.waitForMessages(-100600, 1);
    expect(pointer?.text).toContain("https://t.me/KlinikInovasiBot");
    expect(h.fake.callsOf("getMe")).toHaveLength(0);
  });

  it("strips the bot's own @mention from commands in a private chat", async () => {
    h = await startHarness();
    h.fake.injectUpdate(textMessage(ani, "/cek@KlinikInovasiBot 2"));
    const [msg] = await h.waitForReceived(1);
    expect(msg?.text).toBe("/cek 2");
  });

  it("publishes the command menu in Indonesian (default) and English", async () => {
    h = await startHarness();
    const names = [
      "bagian",
      "lihat",
      "cek",
      "siap",
      "video",
      "riwayat",
      "proposal",
      "saran",
      "ekspor",
      "status",
      "nilai",
      "tanya",
      "tiket",
      "daftar",
      "tautkan",
      "bahasa",
      "bantuan",
      "batal",
      "berhenti",
      "datasaya",
      "hapusdata",
    ];
    const calls = h.fake.callsOf("setMyCommands");
    expect(calls.map((c) => c.params.language_code)).toEqual([undefined, "en"]);
    expect(h.fake.commands.get("")?.map((c) => c.command)).toEqual(["mulai", ...names]);
    const en = names.map((n) => (n === "siap" ? "ready" : n));
    expect(h.fake.commands.get("en")?.map((c) => c.command)).toEqual(["start", ...en]);
    for (const list of h.fake.commands.values()) {
      for (const c of list) expect(c.description.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("shows typing while a slow handler runs", async () => {
    h = await startHarness();
    const slow = gate();
    h.handler = async () => {
      await slow.promise;
      return [{ text: ["selesai dipikirkan"] }];
    };
    h.fake.injectUpdate(textMessage(ani, "/cek"));
    const action = await h.fake.waitForCall("sendChatAction");
    expect(action.params).toMatchObject({ chat_id: 1001, action: "typing" });
    slow.open();
    await h.fake.waitForMessages(1001, 1);
  });

  it("sends one flood notice per window and drops the excess", async () => {
    h = await startHarness({ channel: { flood: { limit: 2, windowMs: 60_000 } } });
    let last = 0;
    for (let i = 1; i <= 6; i++) last = h.fake.injectUpdate(textMessage(ani, `pesan ${i}`));
    await h.fake.waitForDelivered(last);
    await h.close();
    expect(h.received.map((m) => m.text)).toEqual(["pesan 1", "pesan 2"]);
    const notices = h.fake.messagesTo(1001).filter((m) => m.text === channelTexts("id").flood);
    expect(notices).toHaveLength(1);
  });

  it("with the flood limit off (0) every message of a fast sender is handled, no notice", async () => {
    h = await startHarness({ channel: { flood: { limit: 0, windowMs: 60_000 } } });
    let last = 0;
    for (let i = 1; i <= 40; i++) last = h.fake.injectUpdate(textMessage(ani, `pesan ${i}`));
    await h.fake.waitForDelivered(last);
    await h.close();
    expect(h.received).toHaveLength(40);
    expect(h.fake.messagesTo(1001).filter((m) => m.text === channelTexts("id").flood)).toHaveLength(0);
  });

  it("keeps one chat's updates in order while another chat proceeds", async () => {
    h = await startHarness();
    const first = gate();
    h.handler = async (msg) => {
      if (msg.text === "A1") await first.promise;
      return [{ text: [`re ${msg.text}`] }];
    };
    h.fake.injectUpdate(textMessage(ani, "A1"));
    h.fake.injectUpdate(textMessage(ani, "A2"));
    h.fake.injectUpdate(textMessage(bob, "B1"));
    const [bobReply] = await h.fake.waitForMessages(1002, 1);
    expect(bobReply?.text).toBe("re B1");
    expect(h.received.map((m) => m.text)).not.toContain("A2");
    first.open();
    const aniReplies = await h.fake.waitForMessages(1001, 2);
    expect(aniReplies.map((m) => m.text)).toEqual(["re A1", "re A2"]);
  });

  it("sends follow-up messages when ready, without holding the chat's next message", async () => {
    h = await startHarness();
    const advice = gate();
    h.handler = async (msg) => {
      if (msg.text !== "selesai") return [{ text: [`re ${msg.text}`] }];
      const later = advice.promise.then(() => [{ text: ["saran 1"] }, { text: ["saran 2"] }]);
      return Object.assign([{ text: ["Ringkasan · 152/200 kata"] }], { followUp: later });
    };
    h.fake.injectUpdate(textMessage(ani, "selesai"));
    await h.fake.waitForMessages(1001, 1);
    h.fake.injectUpdate(textMessage(ani, "berikutnya"));
    // The advice is still being written: the next message is answered at once.
    const before = await h.fake.waitForMessages(1001, 2);
    expect(before.map((m) => m.text)).toEqual(["Ringkasan · 152/200 kata", "re berikutnya"]);
    advice.open();
    const sent = await h.fake.waitForMessages(1001, 4);
    expect(sent.map((m) => m.text)).toEqual([
      "Ringkasan · 152/200 kata",
      "re berikutnya",
      "saran 1",
      "saran 2",
    ]);
  });

  it("stop() waits for an in-flight slow handler and its reply", async () => {
    h = await startHarness();
    const slow = gate();
    h.handler = async () => {
      await slow.promise;
      return [{ text: ["terlambat tapi sampai"] }] satisfies OutgoingMessage[];
    };
    h.fake.injectUpdate(textMessage(ani, "tolong cek"));
    await h.waitForReceived(1);
    let stopped = false;
    const stopping = h.channel.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    slow.open();
    await stopping;
    expect(h.fake.messagesTo(1001).map((m) => m.text)).toEqual(["terlambat tapi sampai"]);
  });
});
