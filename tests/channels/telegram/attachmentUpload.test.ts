import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAttachmentRoutes } from "../../../src/app/attachments/createAttachmentRoutes.ts";
import { createCompetitionCache } from "../../../src/app/competitionCache.ts";
import { createDocumentRoutes } from "../../../src/app/documents/createDocumentRoutes.ts";
import { makeTextPdf } from "../../docs/fixtures.ts";
import {
  callbackQuery,
  documentMessage,
  photoMessage,
  telegramUser,
  textMessage,
} from "../../fakes/telegramUpdates.ts";
import { makeHandler, seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { type Harness, startHarness } from "./harness.ts";

// The real grammY channel, the app's file routes and a real database, against the fake Bot API:
// the file is downloaded through getFile exactly as from Telegram.
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

describe("sending the SK on Telegram", () => {
  it("a PDF of the SK sent in chat is downloaded, asked about, attached, and /cek lists it", async () => {
    h = await startHarness({ fake: { token: "3001:attachments" } });
    const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
    const logger = pino({ level: "silent" });
    h.handler = makeHandler(db, {
      competitions,
      middleware: [
        createAttachmentRoutes({ db: db.prisma, competitions, logger }),
        createDocumentRoutes({ db: db.prisma, competitions, logger }),
      ],
    });
    const fake = h.fake;
    const user = telegramUser(7001, { first_name: "Rina" });
    let count = 0;
    const step = async (u: ReturnType<typeof textMessage>, replies = 1) => {
      fake.injectUpdate(u);
      count += replies;
      return (await fake.waitForMessages(user.id, count)).at(-1)!;
    };

    const welcome = await step(textMessage(user, "/start"), 2);
    await step(
      callbackQuery(user, buttons(welcome).find((b) => b.text === "Mulai proposal baru")!.callback_data),
    );
    await step(textMessage(user, "RSUD Kota Contoh"));
    const group = await step(textMessage(user, "Pemerintah Kota Contoh"));
    const cat = await step(callbackQuery(user, buttons(group)[0]!.callback_data));
    await step(callbackQuery(user, buttons(cat)[0]!.callback_data));
    await step(textMessage(user, "Antrean Farmasi Tanpa Tunggu"));
    await step(textMessage(user, "2020"), 2);

    const sk = await makeTextPdf([
      "KEPUTUSAN DIREKTUR RSUD KOTA CONTOH NOMOR 445/12/2023",
      "TENTANG TIM INOVATOR ANTREAN FARMASI TANPA TUNGGU",
      "MEMUTUSKAN:",
      "Menetapkan: dr. Sari (ketua), Budi (anggota), Wulan (anggota).",
    ]);
    fake.addFile("sk-file", sk, { fileName: "Keputusan Direktur.pdf" });
    const asked = await step(
      documentMessage(user, {
        fileId: "sk-file",
        fileName: "Keputusan Direktur.pdf",
        mimeType: "application/pdf",
        size: sk.byteLength,
      }),
    );
    expect((await fake.waitForCall("getFile")).params.file_id).toBe("sk-file");
    expect(asked.text).toContain("Sepertinya berkas ini sebuah SK.");
    const skButton = buttons(asked).find((b) => b.text === "SK Tim Inovator")!;
    expect(skButton.callback_data).toBe("att:sk");
    const saved = await step(callbackQuery(user, skButton.callback_data));
    expect(saved.text).toContain('SK Tim Inovator "Keputusan Direktur.pdf" tersimpan bersama proposal');

    const row = await db.prisma.proposalAttachment.findFirstOrThrow({
      where: { proposal: { title: "Antrean Farmasi Tanpa Tunggu" } },
      select: { kind: true, fileName: true, mime: true, bytes: true },
    });
    expect(row).toMatchObject({ kind: "sk", fileName: "Keputusan Direktur.pdf", mime: "application/pdf" });
    expect(new Uint8Array(row.bytes)).toEqual(sk);

    // A photo sent while writing a section is offered as that section's supporting document.
    await step(callbackQuery(user, "sec:kebaruan"));
    fake.addFile("photo-1", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]), {
      fileName: "p.jpg",
    });
    const photo = await step(photoMessage(user, "photo-1", 9));
    const sup = buttons(photo).find((b) => b.callback_data === "att:sup:kebaruan")!;
    expect(sup.text).toBe("Dokumen pendukung: Kebaruan / Nilai Tambah");
    await step(callbackQuery(user, sup.callback_data));

    await step(textMessage(user, "/cek"), 2);
    const all = fake
      .messagesTo(user.id)
      .slice(-2)
      .map((m) => m.text)
      .join("\n");
    expect(all).toContain("✅ SK Tim Inovator terlampir (Keputusan Direktur.pdf)");
    expect(all).toContain("⚠️ Dokumen pendukung baru ada untuk 1 dari 7 bagian");
    expect(all).toContain("⚠️ Tautan video belum ada");
    expect(all).toContain("✅ Usia inovasi 6 tahun pada batas pendaftaran");
    expect(all).toContain("✅ Judul belum dipakai proposal lain di kompetisi ini");
  });
});
