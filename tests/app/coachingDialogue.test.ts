import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, KIPP, makeHandler, Person, SECTION_KEYS, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});

async function sectionText(proposalCode: string, key: string) {
  const d = await db.prisma.sectionDraft.findFirst({
    where: { proposal: { code: proposalCode }, sectionKey: key },
    select: { text: true, mark: true },
  });
  return d;
}

describe("coaching dialogue through the app layer", () => {
  it("welcomes a new user with the privacy note and the open competition", async () => {
    const p = new Person(makeHandler(db));
    const out = await p.say("halo");
    expect(out).toContain("Selamat datang di Klinik Inovasi");
    expect(out).toContain("/hapusdata");
    expect(out).toContain("Kompetisi yang sedang dibuka");
    expect(out).toMatch(/batas unggah \d+ \w+ 2026/);
    expect(p.choices().map((c) => c.label)).toEqual(["Mulai proposal baru"]);
  });

  it("drafts all 8 sections with good answers to 100% readiness and keeps every draft", async () => {
    const p = new Person(makeHandler(db));
    const created = await p.createProposal();
    const code = /kode (KP-[A-Z0-9]{10})/.exec(created)![1]!;
    expect(created).toContain("Bagian 1/8 · Ringkasan (bobot 0%");
    expect(created).toContain("Pertanyaan pemandu");
    for (const [i, key] of SECTION_KEYS.entries()) {
      const text = fixture(key, "good");
      const [first, ...restParas] = text.split(/\n\s*\n/);
      const ack = await p.say(first!);
      expect(ack).toMatch(/\(\d+(\/\d+)? kata\) Lanjutkan, atau ketik selesai\./);
      for (const para of restParas) await p.say(para);
      const check = await p.say("selesai");
      expect(check).toContain(KIPP.sections[i]!.title.id);
      expect(check).toContain("✅ lengkap");
      expect(check).not.toContain("Tip:");
      expect(p.choices().map((c) => c.id)).toEqual(["revise", "append", "next", "later"]);
      const next = await p.press("next");
      if (i < SECTION_KEYS.length - 1) expect(next).toContain(`Bagian ${i + 2}/8`);
      else expect(next).toContain("kelengkapan 100%");
    }
    const proposal = await db.prisma.proposal.findUnique({
      where: { code },
      select: { readiness: true, sections: { select: { mark: true } } },
    });
    expect(proposal?.readiness).toBe(100);
    expect(proposal?.sections.every((s) => s.mark === "complete")).toBe(true);
    expect((await sectionText(code, "signifikansi"))?.text).toBe(
      fixture("signifikansi", "good")
        .split(/\n\s*\n/)
        .join("\n\n"),
    );
  });

  it("a weak answer gets concrete findings with tips; revise replaces and add appends, each a new revision", async () => {
    const p = new Person(makeHandler(db));
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Uji Revisi"))![1]!;
    await p.press("sec:signifikansi");
    await p.say(fixture("signifikansi", "bad"));
    const check = await p.say("selesai");
    expect(check).toContain("⚠️ belum lengkap");
    expect(check).toContain("Tip:");
    await p.pick("Perbaiki");
    await p.say(fixture("signifikansi", "good"));
    expect(await p.say("selesai")).toContain("✅ lengkap");
    await p.pick("Tambah");
    await p.say("Tambahan: kepuasan warga naik dari 78 menjadi 91 poin.");
    await p.say("selesai");
    const d = await sectionText(code, "signifikansi");
    expect(d?.text.startsWith(fixture("signifikansi", "good"))).toBe(true);
    expect(d?.text.endsWith("kepuasan warga naik dari 78 menjadi 91 poin.")).toBe(true);
    const revisions = await db.prisma.sectionRevision.count({
      where: { draft: { proposal: { code }, sectionKey: "signifikansi" } },
    });
    expect(revisions).toBe(3);
  });

  it("jumps to another section mid-answer and back without losing what was written", async () => {
    const p = new Person(makeHandler(db));
    await p.createProposal("Inovasi Uji Lompat");
    await p.say("Kalimat pertama ringkasan yang sudah diketik.");
    const list = await p.say("/bagian");
    expect(list).toMatch(/kelengkapan \d+%/);
    expect(p.choices().map((c) => c.label)).toContain("Kembali");
    expect(await p.pick("Kembali")).toContain("Kembali ke Ringkasan (6 kata tertulis)");
    await p.say("/bagian");
    const opened = await p.pick("Kebaruan");
    expect(opened).toContain("Bagian 3/8 · Kebaruan");
    await p.say("/bagian");
    const back = await p.pick("Ringkasan");
    expect(back).toContain("Kalimat pertama ringkasan yang sudah diketik.");
  });

  it("/batal leaves the step and keeps the acknowledged text as a draft; /lihat and /cek return the user to where they were", async () => {
    const p = new Person(makeHandler(db));
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Uji Batal"))![1]!;
    await p.say("Masalah antrean panjang di loket.");
    const view = await p.say("/lihat");
    expect(view).toContain("Ringkasan · 5 kata, sedang ditulis");
    expect(view).toContain("Masalah antrean panjang di loket.");
    expect(view).toContain("Kembali ke Ringkasan (5 kata tertulis)");
    const cek = await p.say("/cek");
    expect(cek).toContain(`Pemeriksaan proposal ${code}`);
    expect(cek).toContain("Tiga perbaikan paling bernilai");
    expect(cek.indexOf("Signifikansi")).toBeLessThan(cek.indexOf("Adaptabilitas"));
    const cancelled = await p.say("/batal");
    expect(cancelled).toContain("tetap tersimpan sebagai draf");
    expect((await sectionText(code, "ringkasan"))?.text).toBe("Masalah antrean panjang di loket.");
  });

  it("restarting the bot in the middle of a section continues exactly where the user was", async () => {
    const p1 = new Person(makeHandler(db));
    await p1.createProposal("Inovasi Uji Restart");
    await p1.say("Paragraf pertama sebelum bot dimulai ulang.");
    const p2 = new Person(makeHandler(db), p1.userId);
    const again = await p2.say("/mulai");
    expect(again).toContain("Selamat datang kembali");
    expect(again).toContain("Kembali ke Ringkasan (6 kata tertulis)");
    await p2.say("Paragraf kedua sesudahnya.");
    const check = await p2.say("selesai");
    expect(check).toMatch(/Ringkasan · 9\/\d+ kata/);
  });

  it("/riwayat lists earlier versions and restores one as the newest", async () => {
    const p = new Person(makeHandler(db));
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Uji Riwayat"))![1]!;
    await p.say("Versi pertama ringkasan.");
    await p.say("selesai");
    await p.pick("Perbaiki");
    await p.say("Versi kedua ringkasan.");
    await p.say("selesai");
    const hist = await p.say("/riwayat");
    expect(hist).toContain("Riwayat Ringkasan");
    const older = p.choices().find((c) => c.label.includes("Versi pertama"))!;
    expect(await p.press(older.id)).toContain("dipulihkan");
    expect((await sectionText(code, "ringkasan"))?.text).toBe("Versi pertama ringkasan.");
  });

  it("speaks English after /bahasa en, for every later message", async () => {
    const p = new Person(makeHandler(db));
    await p.say("halo");
    expect(await p.say("/bahasa en")).toContain("I will use English");
    const out = await p.say("/start");
    expect(out).toContain("Welcome to Klinik Inovasi");
    await p.pick("Start a new proposal");
    expect(p.text()).toContain("What is the name of your service unit?");
  });

  it("typing the number of a choice works like pressing it", async () => {
    const p = new Person(makeHandler(db));
    await p.say("halo");
    expect(await p.say("1")).toContain("nama unit pelayanan");
  });
});

describe("bad input never loses anything and always gets a polite answer", () => {
  it("a message over 10,000 characters is explained, not stored; the draft is untouched", async () => {
    const p = new Person(makeHandler(db));
    await p.createProposal("Inovasi Uji Panjang");
    await p.say("Teks awal yang sah.");
    const out = await p.say("a".repeat(10_001));
    expect(out).toContain("terlalu panjang (10.001 karakter");
    expect(out).toContain("Kembali ke Ringkasan (4 kata tertulis)");
  });

  it("stickers and photos get a gentle reprompt; unknown commands get short help", async () => {
    const p = new Person(makeHandler(db));
    await p.say("halo");
    expect(await p.send(p.message(undefined, { attachment: { kind: "sticker" } }))).toContain(
      "hanya bisa membaca pesan teks",
    );
    expect(await p.say("/terbang")).toContain("Perintah /terbang tidak saya kenal");
  });

  it("the same message id handled twice has one effect", async () => {
    const handler = makeHandler(db);
    const p = new Person(handler);
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Uji Ganda"))![1]!;
    await p.say("Isi ringkasan.");
    const done = p.message("selesai");
    await p.send(done);
    expect(await handler(done)).toEqual([]);
    expect(await db.prisma.sectionRevision.count({ where: { draft: { proposal: { code } } } })).toBe(1);
  });

  it("two messages of one person handled at once both land (version check, losing turn re-run)", async () => {
    const handler = makeHandler(db);
    const p = new Person(handler);
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Uji Serentak"))![1]!;
    await Promise.all([handler(p.message("Pesan A.")), handler(p.message("Pesan B."))]);
    await p.say("selesai");
    const text = (await sectionText(code, "ringkasan"))?.text ?? "";
    expect(text).toContain("Pesan A.");
    expect(text).toContain("Pesan B.");
  });
});
