import { afterAll, beforeAll, expect, it } from "vitest";
import { callbackQuery, telegramUser, textMessage } from "../../fakes/telegramUpdates.ts";
import { makeHandler, seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { startHarness } from "./harness.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
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

it("a newcomer on Telegram asks a question mid-section: it is answered and the draft stays as written", async () => {
  const h = await startHarness({ fake: { token: "1003:digression" } });
  try {
    h.handler = makeHandler(db);
    const fake = h.fake;
    const user = telegramUser(5101, { first_name: "Rina" });
    let count = 0;
    const step = async (u: ReturnType<typeof textMessage>, replies = 1) => {
      fake.injectUpdate(u);
      count += replies;
      return (await fake.waitForMessages(user.id, count)).slice(-replies);
    };
    const [welcome, open] = await step(textMessage(user, "halo"), 2);
    expect(welcome!.text).toContain("Selamat datang di Klinik Inovasi");
    await step(
      callbackQuery(user, buttons(open).find((b) => b.text === "Mulai proposal baru")!.callback_data),
    );
    await step(textMessage(user, "Puskesmas Sukamaju"));
    const group = (await step(textMessage(user, "Pemerintah Kota Contoh")))[0];
    const cat = (await step(callbackQuery(user, buttons(group)[0]!.callback_data)))[0];
    await step(callbackQuery(user, buttons(cat)[0]!.callback_data));
    await step(textMessage(user, "Layanan Antar Obat Lansia"));
    await step(textMessage(user, "2020"), 2);
    const [ack] = await step(
      textMessage(user, "Lansia di desa kami harus antre tiga jam untuk mengambil obat."),
    );
    expect(ack!.text).toContain("(11/200 kata)");

    const answer = await step(textMessage(user, "apa maksud bagian ringkasan ini?"), 2);
    expect(answer[0]!.text).toContain("tidak saya masukkan ke jawaban");
    expect(answer[0]!.text).toContain("Pertanyaan pemandu:");
    expect(answer[1]!.text).toContain("Kembali ke Ringkasan (11 kata tertulis)");

    const [check] = await step(textMessage(user, "selesai"));
    expect(check!.text).toMatch(/Ringkasan · 11\/200 kata/);
    const saved = await db.prisma.sectionDraft.findFirstOrThrow({
      where: { proposal: { title: "Layanan Antar Obat Lansia" }, sectionKey: "ringkasan" },
      select: { text: true },
    });
    expect(saved.text).toBe("Lansia di desa kami harus antre tiga jam untuk mengambil obat.");
  } finally {
    await h.close();
  }
}, 30_000);
