import { afterAll, beforeAll, expect, it } from "vitest";
import { makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});

it("asks politely to pick one when typed text matches no option, and keeps everything typed so far", async () => {
  const p = new Person(makeHandler(db));
  await p.say("halo");
  await p.pick("Mulai proposal baru");
  await p.say("Dukcapil Kab. Uji");
  expect(await p.say("Pemerintah Kabupaten Uji")).toBe("Proposal ini diikutkan pada kelompok apa?");
  expect(await p.say("tidak tahu")).toBe(
    "Silakan pilih salah satu:\n---\nProposal ini diikutkan pada kelompok apa?",
  );
  expect(p.choices().map((c) => c.id)).toEqual(["grp:umum", "grp:khusus"]);
  await p.press("grp:umum");
  expect(await p.say("yang mana saja")).toBe(
    "Silakan pilih salah satu:\n---\nProposal ini masuk kategori apa?",
  );
  await p.press("skip");
  await p.say("Antar Akta ke Rumah");
  expect(await p.say("2019")).toMatch(/^Baik\. Proposal "Antar Akta ke Rumah" dibuat \(kode KP-/);
  const proposal = await db.prisma.proposal.findFirstOrThrow({
    where: { title: "Antar Akta ke Rumah" },
    include: { unit: true },
  });
  expect(proposal.unit.name).toBe("Dukcapil Kab. Uji");
  expect(proposal.group).toBe("umum");
});

it("after help in a reviewed section, says which section we are in rather than 'pick one'", async () => {
  const p = new Person(makeHandler(db));
  await p.createProposal("Inovasi Bantuan Ulang");
  await p.say("Waktu tunggu pasien turun dari 3 jam menjadi 35 menit sejak Maret 2021.");
  await p.say("selesai");
  const out = await p.say("/bantuan");
  expect(out).toMatch(/^Perintah yang tersedia:/);
  expect(out.split("\n---\n").at(-1)).toBe("Kita masih di bagian Ringkasan. Mau lanjut ke mana?");
  expect(p.choices().map((c) => c.id)).toEqual(["revise", "append", "next", "later"]);
});

it("repeats the question after a too-short answer, and after 'halo' in the middle of registering", async () => {
  const p = new Person(makeHandler(db));
  await p.say("halo");
  await p.pick("Mulai proposal baru");
  expect(await p.say("x")).toBe(
    "Nama unit terlalu pendek. Tulis nama lengkapnya, misalnya Puskesmas Sukamaju.\n---\nApa nama unit pelayanan Bapak/Ibu? (contoh: Puskesmas Sukamaju)",
  );
  await p.say("Samsat Kota Uji");
  // Coming back later (or after a restart): the bot says where we were, not just "welcome back".
  expect(await p.say("halo")).toBe(
    "Selamat datang kembali.\n---\nApa instansi induk unit tersebut? (contoh: Pemerintah Kabupaten Banyumas)",
  );
  expect(p.choices().map((c) => c.id)).toEqual(["skip"]);
});
