import { afterEach, describe, expect, it } from "vitest";
import { channelTexts } from "../../../src/core/i18n/channelTexts.ts";
import { telegramUser, textMessage } from "../../fakes/telegramUpdates.ts";
import { type Harness, reply, startHarness } from "./harness.ts";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const ani = telegramUser(2001, { language_code: "id" });
const bob = telegramUser(2002, { language_code: "en-GB" });

describe("telegram channel reliability", () => {
  it("retries a sendMessage answered 429 after retry_after; the reply arrives once", async () => {
    h = await startHarness();
    h.handler = async () => reply("satu", "dua", "tiga");
    h.fake.failNext("sendMessage", { status: 429, retryAfter: 1 });
    h.fake.injectUpdate(textMessage(ani, "halo"));
    const sent = await h.fake.waitForMessages(2001, 3);
    expect(sent.map((m) => m.text)).toEqual(["satu", "dua", "tiga"]);
    const attempts = h.fake.callsOf("sendMessage");
    expect(attempts.map((c) => c.status)).toEqual([429, 200, 200, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it("keeps every reply when the server rate-limits mid-conversation", async () => {
    h = await startHarness({ fake: { limits: { perChatPerSecond: 1, retryAfterSeconds: 1 } } });
    h.handler = async () => reply("pertama", "kedua", "ketiga");
    h.fake.injectUpdate(textMessage(ani, "halo"));
    const sent = await h.fake.waitForMessages(2001, 3, 15_000);
    expect(sent.map((m) => m.text)).toEqual(["pertama", "kedua", "ketiga"]);
    expect(h.fake.callsOf("sendMessage").some((c) => c.status === 429)).toBe(true);
  });

  it("retries a sendMessage answered 5xx", async () => {
    h = await startHarness();
    h.fake.failNext("sendMessage", { status: 502 });
    h.fake.injectUpdate(textMessage(ani, "halo"));
    const [sent] = await h.fake.waitForMessages(2001, 1, 15_000);
    expect(sent?.text).toBe("echo: halo");
    expect(h.fake.callsOf("sendMessage").map((c) => c.status)).toEqual([502, 200]);
  });

  it("apologises in the user's language when the handler throws, and goes on", async () => {
    h = await startHarness();
    let failures = 1;
    h.handler = async (msg) => {
      if (failures-- > 0) throw new Error("database is down");
      return reply(`ok ${msg.text}`);
    };
    h.fake.injectUpdate(textMessage(bob, "first"));
    const [apology] = await h.fake.waitForMessages(2002, 1);
    expect(apology?.text).toBe(channelTexts("en").apology);
    h.fake.injectUpdate(textMessage(bob, "second"));
    const sent = await h.fake.waitForMessages(2002, 2);
    expect(sent[1]?.text).toBe("ok second");
  });

  it("apologises in Indonesian by default", async () => {
    h = await startHarness();
    h.handler = async () => {
      throw new Error("boom");
    };
    h.fake.injectUpdate(textMessage(ani, "halo"));
    const [apology] = await h.fake.waitForMessages(2001, 1);
    expect(apology?.text).toBe(channelTexts("id").apology);
  });

  it("survives a reply the user can no longer receive", async () => {
    h = await startHarness();
    h.fake.blockChat(2001);
    h.fake.injectUpdate(textMessage(ani, "halo"));
    await h.fake.waitForCall("sendMessage", (c) => c.params.chat_id === 2001);
    h.fake.injectUpdate(textMessage(bob, "still there?"));
    const [sent] = await h.fake.waitForMessages(2002, 1);
    expect(sent?.text).toBe("echo: still there?");
  });
});
