import { PassThrough } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createConsoleChannel } from "../../../src/channels/console/createConsoleChannel.ts";
import { makeHandler, seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});

/** The terminal chat as `npm start` runs it, lines typed one after another. */
async function terminal(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = "";
  output.on("data", (d) => {
    shown += String(d);
  });
  const chat = createConsoleChannel({ handler: makeHandler(db), input, output, userId: "terminal-newcomer" });
  await chat.start();
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await new Promise((r) => setTimeout(r, 50));
  await chat.stop();
  return shown;
}

it("a newcomer in the terminal: greeted once, registers, asks a question mid-section and the draft is unchanged", async () => {
  const shown = await terminal([
    "halo",
    "1",
    "Puskesmas Sukamaju",
    "Pemerintah Kabupaten Contoh",
    "1",
    "1",
    "Jemput Bola Lansia",
    "2020",
    "Lansia di desa kami harus antre tiga jam untuk mengambil obat.",
    "bagaimana cara menulis ringkasan yang baik?",
    "selesai",
  ]);
  expect(shown.match(/Selamat datang di Klinik Inovasi/g)).toHaveLength(1);
  expect(shown).toContain("tidak saya masukkan ke jawaban");
  expect(shown).toContain("Kembali ke Ringkasan (11 kata tertulis)");
  expect(shown).toMatch(/Ringkasan · 11\/200 kata/);
  const saved = await db.prisma.sectionDraft.findFirstOrThrow({
    where: { proposal: { title: "Jemput Bola Lansia" }, sectionKey: "ringkasan" },
    select: { text: true },
  });
  expect(saved.text).toBe("Lansia di desa kami harus antre tiga jam untuk mengambil obat.");
}, 30_000);
