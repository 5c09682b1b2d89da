import { createHash } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAttachmentRoutes } from "../../src/app/attachments/createAttachmentRoutes.ts";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
import { createApp } from "../../src/app/createApp.ts";
import { createDocumentRoutes } from "../../src/app/documents/createDocumentRoutes.ts";
import type { Attachment } from "../../src/core/messages.ts";
import { makeDocx, makeTextPdf } from "../docs/fixtures.ts";
import { fixture, makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});

/** The app's routes for files in the order createApp puts them: attachments, then documents. */
function handler() {
  const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
  const logger = pino({ level: "silent" });
  return makeHandler(db, {
    competitions,
    middleware: [
      createAttachmentRoutes({ db: db.prisma, competitions, logger }),
      createDocumentRoutes({ db: db.prisma, competitions, logger }),
    ],
  });
}

const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 1, 0, 72, 0, 72, 0, 0, 0xff, 0xd9,
]);

function file(
  bytes: Uint8Array,
  fileName: string | undefined,
  kind: "document" | "image" = "document",
): Attachment {
  return {
    kind,
    ...(fileName ? { fileName } : {}),
    size: bytes.byteLength,
    fetch: async () => bytes,
  };
}

const codeOf = (reply: string) => /kode (KP-[A-Z0-9]+)/.exec(reply)![1]!;

async function attachments(code: string) {
  return db.prisma.proposalAttachment.findMany({
    where: { proposal: { code } },
    select: { kind: true, sectionKey: true, fileName: true, size: true, sha256: true, bytes: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Registers a proposal for another unit, through the dialogue. */
async function registerOtherUnit(p: Person, unit: string, title: string): Promise<string> {
  await p.say("halo");
  await p.pick("Mulai proposal baru");
  await p.say(unit);
  await p.say("Pemerintah Kota Lain");
  await p.press("grp:umum");
  await p.press("skip");
  await p.say(title);
  return codeOf(await p.say("2019"));
}

describe("sending the SK and supporting documents in chat", () => {
  it("a photo of the SK is asked about, attached on 'SK Tim Inovator', and /cek and /siap then show it", async () => {
    const p = new Person(handler());
    const code = codeOf(await p.createProposal("Layanan Akta Lahir Keliling Desa"));
    const before = await p.say("/siap");
    expect(before).toContain("⚠️ SK Tim Inovator belum terlampir");
    expect(before).toContain("Kirim berkas SK (PDF atau foto) di chat ini");

    const asked = await p.send(p.message(undefined, { attachment: file(JPEG, undefined, "image") }));
    expect(asked).toContain(`diterima untuk proposal ${code}`);
    expect(asked).toContain("Ini SK Tim Inovator atau dokumen pendukung sebuah bagian?");
    expect(p.choices().map((c) => c.id)).toEqual([
      "att:sk",
      "att:sup:ringkasan",
      "att:sec",
      "att:other",
      "att:cancel",
    ]);
    expect(await attachments(code)).toEqual([]);
    expect(await p.press("att:sk")).toContain(
      `SK Tim Inovator "foto.jpg" tersimpan bersama proposal ${code}`,
    );
    const stored = await attachments(code);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: "sk",
      sectionKey: null,
      fileName: "foto.jpg",
      size: JPEG.byteLength,
    });
    expect(stored[0]!.sha256).toBe(createHash("sha256").update(JPEG).digest("hex"));
    expect(new Uint8Array(stored[0]!.bytes)).toEqual(JPEG);

    const cek = await p.say("/cek");
    expect(cek).toContain("Kelengkapan berkas unggah:");
    expect(cek).toContain("✅ SK Tim Inovator terlampir (foto.jpg)");
    expect(cek).toContain("⚠️ Dokumen pendukung baru ada untuk 0 dari 7 bagian");
    expect(cek).toContain("⚠️ Tautan video belum ada");
    expect(cek).toContain(
      "✅ Usia inovasi 7 tahun pada batas pendaftaran, 22 Desember 2026 (minimal 2 tahun)",
    );
    expect(cek).toContain("✅ Judul belum dipakai proposal lain di kompetisi ini");
    const siap = await p.say("/siap");
    expect(siap).toContain(`Kesiapan unggah proposal ${code}: 3 dari 5 syarat terpenuhi`);
    expect(siap).toMatch(/Kelengkapan isi: \d+% \(0 dari 8 bagian lengkap\)/);
    // The same photo sent again for the same purpose is kept once.
    await p.send(p.message(undefined, { attachment: file(JPEG, undefined, "image") }));
    expect(await p.press("att:sk")).toContain("sudah tersimpan sebelumnya");
    expect(await attachments(code)).toHaveLength(1);
  });

  it("a PDF named as a decree is never imported as a draft without asking, even with section headings", async () => {
    const p = new Person(handler());
    const code = codeOf(await p.createProposal("Inovasi SK Berjudul Bagian"));
    const pdf = await makeTextPdf([
      "KEPUTUSAN KEPALA DINAS KEPENDUDUKAN NOMOR 12 TAHUN 2023",
      "Ringkasan",
      "Tim inovator terdiri atas lima orang.",
      "Latar Belakang dan Tujuan",
      "MEMUTUSKAN: Menetapkan tim inovator.",
    ]);
    const asked = await p.send(p.message(undefined, { attachment: file(pdf, "SK Tim Inovasi 2023.pdf") }));
    expect(asked).toContain("Sepertinya berkas ini sebuah SK.");
    expect(p.choices().map((c) => c.id)).toContain("att:imp");
    await p.press("att:sk");
    expect((await attachments(code)).map((a) => [a.kind, a.fileName])).toEqual([
      ["sk", "SK Tim Inovasi 2023.pdf"],
    ]);
    expect(await db.prisma.sectionDraft.count({ where: { proposal: { code } } })).toBe(0);
  });

  it("a file sent while a section is open is offered as that section's supporting document and listed in /lihat", async () => {
    const p = new Person(handler());
    const code = codeOf(await p.createProposal("Inovasi Dokumen Pendukung Bagian"));
    await p.press("sec:signifikansi");
    await p.say(fixture("signifikansi", "good"));
    await p.say("selesai");
    const pdf = await makeTextPdf([
      "Laporan capaian layanan 2022 dan 2023.",
      "Jumlah layanan naik dari 120 menjadi 480.",
    ]);
    const asked = await p.send(p.message(undefined, { attachment: file(pdf, "laporan-capaian.pdf") }));
    expect(asked).toContain("Ini SK Tim Inovator, dokumen pendukung sebuah bagian, atau draf untuk diimpor?");
    const offered = p.choices().find((c) => c.id === "att:sup:signifikansi");
    expect(offered?.label).toBe("Dokumen pendukung: Signifikansi");
    expect(await p.press("att:sup:signifikansi")).toContain(
      '"laporan-capaian.pdf" tersimpan sebagai dokumen pendukung bagian Signifikansi',
    );
    // Another section, chosen from the list.
    await p.send(p.message(undefined, { attachment: file(JPEG, "foto-rapat.jpg", "image") }));
    await p.press("att:sec");
    expect(p.choices().map((c) => c.id)).toContain("att:sup:keberlanjutan");
    await p.press("att:sup:keberlanjutan");
    expect((await attachments(code)).map((a) => [a.kind, a.sectionKey])).toEqual([
      ["supporting", "signifikansi"],
      ["supporting", "keberlanjutan"],
    ]);
    const lihat = await p.say("/lihat");
    expect(lihat).toContain("Dokumen pendukung bagian ini: laporan-capaian.pdf");
    expect(lihat).toContain("SK Tim Inovator: belum ada");
    expect(await p.say("/siap")).toContain("⚠️ Dokumen pendukung baru ada untuk 2 dari 7 bagian");
    expect(await p.say("/cek")).toContain(
      "Belum ada untuk: Latar Belakang dan Tujuan, Kebaruan / Nilai Tambah, Implementasi Inovasi, Adaptabilitas, Sumber Daya.",
    );
  });

  it("a DOCX with the proposal's section headings still goes to the draft import; cancelling a file stores nothing", async () => {
    const p = new Person(handler());
    const code = codeOf(await p.createProposal("Inovasi Draf Tetap Diimpor"));
    const docx = await makeDocx([
      { heading: "Ringkasan" },
      { text: fixture("ringkasan", "good") },
      { heading: "Signifikansi" },
      { text: fixture("signifikansi", "good") },
    ]);
    await p.send(p.message(undefined, { attachment: file(docx, "draf.docx") }));
    expect(p.choices().map((c) => c.id)).toEqual(["imp:save", "imp:cancel", "att:ask"]);
    expect(await p.press("imp:save")).toMatch(/Tersimpan: 2 bagian.*Kelengkapan proposal: \d+%/);
    await p.send(p.message(undefined, { attachment: file(JPEG, "x.jpg", "image") }));
    expect(await p.press("att:cancel")).toBe("Baik, berkas tidak disimpan.");
    expect(await attachments(code)).toEqual([]);
    expect(await p.press("att:sk")).toContain("sudah tidak menunggu jawaban");
  });
});

describe("a supporting document that shares a section heading", () => {
  it("shows the draft preview with a way out; attaching it voids the preview and imports nothing", async () => {
    const p = new Person(handler());
    const code = codeOf(await p.createProposal("Inovasi Laporan Berjudul Bagian"));
    const pdf = await makeTextPdf([
      "Signifikansi",
      "Laporan evaluasi: waktu tunggu turun dari 3 jam menjadi 35 menit (Inspektorat, 2023).",
    ]);
    const preview = await p.send(p.message(undefined, { attachment: file(pdf, "laporan-evaluasi.pdf") }));
    expect(preview).toContain("Signifikansi");
    const out = p.choices().find((c) => c.id === "att:ask");
    expect(out?.label).toBe("Bukan draf: lampirkan sebagai SK atau dokumen pendukung");
    expect(await p.press("att:ask")).toContain(
      "Ini SK Tim Inovator, dokumen pendukung sebuah bagian, atau draf",
    );
    await p.press("att:sec");
    expect(await p.press("att:sup:signifikansi")).toContain(
      "tersimpan sebagai dokumen pendukung bagian Signifikansi",
    );
    expect(await p.press("imp:save")).toContain("Impor dibatalkan");
    expect(await db.prisma.sectionDraft.count({ where: { proposal: { code } } })).toBe(0);
    expect((await attachments(code)).map((a) => [a.kind, a.sectionKey])).toEqual([
      ["supporting", "signifikansi"],
    ]);
  });
});

describe("the composed app", () => {
  it("routes a photo to the attachment question before any other use case, and stores it on the answer", async () => {
    const app = createApp({
      db: db.prisma,
      logger: pino({ level: "silent" }),
      defaultLocale: "id",
      timezone: "Asia/Jakarta",
      senders: new Map(),
      broadcast: { telegramPerSecond: 25, quietHours: null },
      now: () => new Date("2026-11-22T03:00:00Z"),
    });
    const p = new Person(app.handler);
    const code = codeOf(await p.createProposal("Inovasi Lewat Aplikasi Lengkap"));
    expect(await p.send(p.message(undefined, { attachment: file(JPEG, "sk.jpg", "image") }))).toContain(
      "Sepertinya berkas ini sebuah SK.",
    );
    await p.press("att:sk");
    expect((await attachments(code)).map((a) => a.kind)).toEqual(["sk"]);
    // Without an active proposal, a photo gets the way to choose one, not "text only".
    const stranger = new Person(app.handler);
    expect(
      await stranger.send(stranger.message(undefined, { attachment: file(JPEG, "x.jpg", "image") })),
    ).toContain("pilih atau buat proposal dulu dengan /proposal");
    expect(await stranger.send(stranger.message(undefined, { attachment: { kind: "sticker" } }))).toContain(
      "kirim draf sebagai berkas DOCX atau PDF",
    );
  });
});

describe("video link, title across the competition", () => {
  it("/video takes a well-formed YouTube or cloud link, refuses others politely, and /siap shows it", async () => {
    const p = new Person(handler());
    const code = codeOf(await p.createProposal("Inovasi Tautan Video"));
    expect(await p.say("/video")).toContain("Belum ada tautan video");
    expect(await p.say("/video https://youtube.com")).toContain("belum menunjuk ke satu video");
    expect(await p.say("/video https://example.com/video.mp4")).toContain(
      "bukan dari YouTube atau penyimpanan awan",
    );
    expect(await p.say("/video tautan saya")).toContain("belum terbaca sebagai tautan");
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { code } })).videoUrl).toBeNull();
    expect(await p.say("/video youtu.be/abc123xyz")).toContain(
      "✅ Tautan video tersimpan: https://youtu.be/abc123xyz",
    );
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { code } })).videoUrl).toBe(
      "https://youtu.be/abc123xyz",
    );
    expect(await p.say("/ready")).toContain("✅ Tautan video tersimpan: https://youtu.be/abc123xyz");
    await p.say("/video https://drive.google.com/file/d/1AbC/view");
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { code } })).videoUrl).toBe(
      "https://drive.google.com/file/d/1AbC/view",
    );
    await p.say("/video hapus");
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { code } })).videoUrl).toBeNull();
  });

  it("the same title in another unit of the competition is flagged, without naming that unit", async () => {
    const a = new Person(handler());
    await a.createProposal("Pojok Baca Digital Kelurahan");
    const b = new Person(handler());
    await registerOtherUnit(b, "Perpustakaan Kota Rahasia", "POJOK-BACA digital,  kelurahan");
    const cekB = await b.say("/cek");
    expect(cekB).toContain(
      "⚠️ Judul yang sama sudah dipakai 1 proposal lain di kompetisi ini (termasuk dari unit lain)",
    );
    expect(cekB).toContain("Nama unit lain tidak ditampilkan");
    expect(cekB).not.toContain("Dukcapil");
    const cekA = await a.say("/siap");
    expect(cekA).toContain("⚠️ Judul yang sama sudah dipakai 1 proposal lain");
    expect(cekA).not.toContain("Perpustakaan Kota Rahasia");
    const c = new Person(handler());
    await registerOtherUnit(c, "Perpustakaan Kota Lain", "Pojok Baca Digital Kecamatan");
    expect(await c.say("/cek")).toContain("✅ Judul belum dipakai proposal lain di kompetisi ini");
  });

  it("a section's introduction names the PermenPANRB 91/2021 criteria it evidences", async () => {
    const p = new Person(handler());
    await p.createProposal("Inovasi Kriteria Permen");
    expect(await p.press("sec:signifikansi")).toContain(
      "Kriteria inovasi (PermenPANRB 91/2021) yang dibuktikan di bagian ini: efektif, bermanfaat.",
    );
    expect(await p.press("sec:adaptabilitas")).toContain("dibuktikan di bagian ini: mudah disebarkan.");
  });
});
