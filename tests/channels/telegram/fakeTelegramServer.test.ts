import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegramServer } from "../../fakes/fakeTelegramServer.ts";
import { telegramUser, textMessage } from "../../fakes/telegramUpdates.ts";

let fake: FakeTelegramServer;
afterEach(async () => {
  await fake?.close();
});

async function call(method: string, params: Record<string, unknown> = {}, token = fake.token) {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; result?: unknown; error_code?: number },
  };
}

describe("fake Telegram Bot API server", () => {
  it("answers unknown methods and wrong tokens like Telegram", async () => {
    fake = new FakeTelegramServer();
    await fake.start();
    expect(await call("doSomethingOdd")).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found: method not found" },
    });
    expect((await call("getMe", {}, "999:wrong")).status).toBe(401);
    const viaGet = await fetch(`${fake.apiRoot}/bot${fake.token}/getMe`);
    expect(((await viaGet.json()) as { result: { username: string } }).result.username).toBe(
      "KlinikInovasiBot",
    );
  });

  it("long-polls getUpdates until an update is injected, and forgets confirmed ones", async () => {
    fake = new FakeTelegramServer();
    await fake.start();
    const poll = call("getUpdates", { timeout: 30 });
    const id = fake.injectUpdate(textMessage(telegramUser(1), "halo"));
    const first = await poll;
    expect((first.body.result as Array<{ update_id: number }>).map((u) => u.update_id)).toEqual([id]);
    const confirmed = await call("getUpdates", { offset: id + 1, timeout: 0 });
    expect(confirmed.body.result).toEqual([]);
    expect(fake.confirmedOffset).toBe(id + 1);
  });

  it("refuses unescaped HTML and over-long texts, and numbers sent messages upwards", async () => {
    fake = new FakeTelegramServer();
    await fake.start();
    expect((await call("sendMessage", { chat_id: 1, text: "a < b", parse_mode: "HTML" })).status).toBe(400);
    expect((await call("sendMessage", { chat_id: 1, text: "<b>x", parse_mode: "HTML" })).status).toBe(400);
    expect((await call("sendMessage", { chat_id: 1, text: "x".repeat(4097) })).status).toBe(400);
    const a = await call("sendMessage", { chat_id: 1, text: "a &lt; b", parse_mode: "HTML" });
    const b = await call("sendMessage", { chat_id: 1, text: "c" });
    const ids = [a, b].map((r) => (r.body.result as { message_id: number }).message_id);
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    expect(fake.messagesTo(1).map((m) => m.text)).toEqual(["a < b", "c"]);
  });

  it("enforces the configured global rate limit with 429 and retry_after", async () => {
    fake = new FakeTelegramServer({ limits: { globalPerSecond: 2, retryAfterSeconds: 3 } });
    await fake.start();
    const results = [];
    for (const chat of [1, 2, 3]) results.push(await call("sendMessage", { chat_id: chat, text: "x" }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(results[2]?.body).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
  });
});
