import { afterEach, describe, expect, it } from "vitest";
import { channelTexts } from "../../../src/core/i18n/channelTexts.ts";
import { callbackQuery, groupMessage, telegramUser, textMessage } from "../../fakes/telegramUpdates.ts";
import { gate, type Harness, SECRET, startHarness } from "./harness.ts";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const ani = telegramUser(3001, { language_code: "id" });

describe("telegram channel, webhook", () => {
  it("registers the webhook with its secret and does not poll", async () => {
    h = await startHarness({ mode: "webhook" });
    expect(h.fake.webhook).toEqual({ url: "https://bot.example.test/telegram", secretToken: SECRET });
    expect(h.fake.callsOf("getUpdates")).toHaveLength(0);
    expect(h.fake.callsOf("setMyCommands")).toHaveLength(2);
  });

  it("refuses calls without the right secret with 403 and handles the ones with it", async () => {
    h = await startHarness({ mode: "webhook" });
    const missing = await h.fake.webhookPost(h.webhookUrl(), textMessage(ani, "tanpa rahasia"));
    const wrong = await h.fake.webhookPost(h.webhookUrl(), textMessage(ani, "rahasia salah"), "nope");
    expect([missing.status, wrong.status]).toEqual([403, 403]);
    expect(h.received).toHaveLength(0);

    const ok = await h.fake.webhookPost(h.webhookUrl(), textMessage(ani, "halo"), SECRET);
    expect(ok.status).toBe(200);
    expect(h.received.map((m) => [m.messageId, m.text])).toEqual([[`123456:${ok.updateId}`, "halo"]]);
    expect(h.fake.messagesTo(3001).map((m) => m.text)).toEqual(["echo: halo"]);
  });

  it("answers other paths with 404 and other methods with 405", async () => {
    h = await startHarness({ mode: "webhook" });
    const base = h.webhookUrl().replace(/\/telegram$/, "");
    expect((await fetch(`${base}/other`, { method: "POST" })).status).toBe(404);
    expect((await fetch(h.webhookUrl())).status).toBe(405);
  });

  it("handles button presses and group pointers like polling does", async () => {
    h = await startHarness({ mode: "webhook" });
    await h.fake.webhookPost(h.webhookUrl(), callbackQuery(ani, "sec:next"), SECRET);
    expect(h.received[0]?.choice).toBe("sec:next");
    expect(h.fake.callsOf("answerCallbackQuery")).toHaveLength(1);
    await h.fake.webhookPost(h.webhookUrl(), groupMessage(ani, -100700, "/bantuan@KlinikInovasiBot"), SECRET);
    expect(h.fake.messagesTo(-100700)[0]?.text).toContain(channelTexts("id").groupPointer);
  });

  it("stop() closes the server only after an in-flight update is handled", async () => {
    h = await startHarness({ mode: "webhook" });
    const slow = gate();
    h.handler = async () => {
      await slow.promise;
      return [{ text: ["sampai juga"] }];
    };
    const delivery = h.fake.webhookPost(h.webhookUrl(), textMessage(ani, "lama"), SECRET);
    await h.waitForReceived(1);
    let stopped = false;
    const stopping = h.channel.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    slow.open();
    await stopping;
    expect((await delivery).status).toBe(200);
    expect(h.fake.messagesTo(3001).map((m) => m.text)).toEqual(["sampai juga"]);
    expect(h.fake.webhook).toBeDefined(); // kept for the next start
  });
});
