import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { callbackQuery, telegramUser, textMessage } from "../../fakes/telegramUpdates.ts";
import { makeHandler, seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { type Harness, SECRET, startHarness } from "./harness.ts";

// The real grammY bot, the real app use case and a real database, against the fake Bot API.
let db: TestDb;
let h: Harness | undefined;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(async () => {
  await db.close();
});

function buttons(msg: { replyMarkup?: unknown } | undefined): { text: string; callback_data: string }[] {
  const kb = (
    msg?.replyMarkup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined
  )?.inline_keyboard;
  return kb?.flat() ?? [];
}

describe.each(["polling", "webhook"] as const)("Telegram end to end (%s)", (mode) => {
  it("a user completes a section with button presses and typed answers; a 429 midway loses nothing; a redelivered update has one effect", async () => {
    h = await startHarness({
      mode,
      fake: { token: mode === "polling" ? "1001:e2e-polling" : "1002:e2e-webhook" },
    });
    h.handler = makeHandler(db);
    const fake = h.fake;
    const user = telegramUser(mode === "polling" ? 5001 : 5002, { first_name: "Sari" });
    let count = 0;
    let lastUpdateId = 0;
    const send = async (u: ReturnType<typeof textMessage>) => {
      if (mode === "webhook") {
        const r = await fake.webhookPost(h!.webhookUrl(), u, SECRET);
        expect(r.status).toBe(200);
        lastUpdateId = r.updateId;
        return r.updateId;
      }
      lastUpdateId = fake.injectUpdate(u);
      return lastUpdateId;
    };
    const step = async (u: ReturnType<typeof textMessage>, replies = 1) => {
      await send(u);
      count += replies;
      return (await fake.waitForMessages(user.id, count)).at(-1)!;
    };

    const welcome = await step(textMessage(user, "/start"), 2);
    expect(welcome.text).toContain("Kompetisi yang sedang dibuka");
    const start = buttons(welcome).find((b) => b.text === "Mulai proposal baru")!;
    expect((await step(callbackQuery(user, start.callback_data))).text).toContain("nama unit pelayanan");
    await step(textMessage(user, "Puskesmas <b>Sukamaju</b>"));
    const group = await step(textMessage(user, "Pemerintah Kota Contoh"));
    const cat = await step(callbackQuery(user, buttons(group)[0]!.callback_data));
    await step(callbackQuery(user, buttons(cat)[0]!.callback_data));
    await step(textMessage(user, `Antrean & Layanan <Cepat> ${mode}`));
    const firstSection = await step(textMessage(user, "2020"), 2);
    expect(firstSection.text).toContain("Bagian 1/8 · Ringkasan");
    expect(
      fake.messagesTo(user.id).some((m) => m.raw.includes(`Antrean &amp; Layanan &lt;Cepat&gt; ${mode}`)),
    ).toBe(true);

    fake.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const ack = await step(
      textMessage(user, "Antrean loket KTP mencapai 3 jam; sejak 2020 kami membuka layanan daring."),
    );
    expect(ack.text).toMatch(/\(\d+\/200 kata\)/);

    const done = textMessage(user, "selesai");
    const check = await step(done);
    expect(check.text).toContain("Ringkasan ·");
    expect(buttons(check).map((b) => b.text)).toEqual([
      "Perbaiki",
      "Tambah",
      "Bagian berikutnya",
      "Nanti saja",
    ]);
    // Telegram redelivers a webhook update it thinks failed; with polling the offset prevents it.
    if (mode === "webhook")
      await fake.webhookPost(h.webhookUrl(), { ...done, update_id: done.update_id ?? lastUpdateId }, SECRET);
    const next = await step(
      callbackQuery(user, buttons(check).find((b) => b.text === "Bagian berikutnya")!.callback_data),
    );
    expect(next.text).toContain("Bagian 2/8");
    expect(fake.messagesTo(user.id).filter((m) => m.text.includes("Ringkasan ·"))).toHaveLength(1);
    const revisions = await db.prisma.sectionRevision.count({
      where: { draft: { proposal: { title: `Antrean & Layanan <Cepat> ${mode}` } } },
    });
    expect(revisions).toBe(1);
  });
});
