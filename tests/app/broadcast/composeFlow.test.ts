import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Person } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  announcementStatus,
  DAYTIME,
  eventually,
  makeBroadcastHandler,
  makeWorker,
  SECTION_KEYS,
  seedCompetition,
  seedParticipants,
  startTelegram,
} from "./broadcastHarness.ts";

let db: TestDb;
let competitionId: string;
let handler: ReturnType<typeof makeBroadcastHandler>;
let queued = 0;
const SECRETARIAT_CHAT = "424242";

beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
  await seedParticipants(db, competitionId, [
    { telegram: 910_001, stage: "evaluasi_proposal", region: "Jawa Tengah", complete: SECTION_KEYS },
    { telegram: 910_002, stage: "evaluasi_proposal", region: "Jawa Tengah" },
    { telegram: 910_003, stage: "pendaftaran", region: "Sumatera Barat", group: "khusus" },
    { telegram: 910_004, stage: "pendaftaran", region: "Sumatera Barat", optedOut: true },
    { whatsapp: "6281200000005@s.whatsapp.net", stage: "pendaftaran", region: "Bali" },
    // Imported with the units, never talked to the bot: no chat to push to.
    { stage: "pendaftaran", region: "Bali", name: "Tanpa Saluran" },
  ]);
  handler = makeBroadcastHandler(db, { onQueued: () => queued++ });
});
afterAll(async () => {
  await db.close();
});

/** The secretariat member: first talks to the bot (a contact appears), then gets the role. */
async function secretariat(): Promise<Person> {
  const p = new Person(handler, SECRETARIAT_CHAT);
  await p.say("/bantuan");
  const identity = await db.prisma.channelIdentity.findFirstOrThrow({
    where: { channel: "telegram", externalId: SECRETARIAT_CHAT },
    select: { contactId: true },
  });
  await db.prisma.staffRole.upsert({
    where: {
      contactId_competitionId_role: { contactId: identity.contactId, competitionId, role: "secretariat" },
    },
    create: { contactId: identity.contactId, competitionId, role: "secretariat" },
    update: {},
  });
  await db.prisma.dialogueState.deleteMany({ where: { contactId: identity.contactId } });
  return p;
}

describe("/umumkan in chat", () => {
  it("politely refuses someone who is not secretariat", async () => {
    const p = new Person(handler);
    expect(await p.say("/umumkan")).toMatch(/^Maaf, perintah ini khusus untuk sekretariat kompetisi/);
    expect(await db.prisma.announcementDraft.count()).toBe(0);
    // Free text afterwards still goes to the coaching dialogue.
    expect(await p.say("halo")).toContain("Selamat datang");
  });

  it("composes to a confirmed send: audience, count, text (not the coaching dialogue), preview, Kirim, delivery with progress", async () => {
    const p = await secretariat();
    expect(await p.say("/umumkan")).toBe("Kepada siapa pengumuman ini?");
    expect(p.choices().map((c) => c.label)).toEqual([
      "Semua peserta",
      "Per tahap",
      "Per kelompok",
      "Per wilayah",
      "Proposal belum lengkap",
      "Per kanal",
    ]);
    // Five incomplete proposals; one contact unsubscribed and one has no chat: three are reached.
    expect(await p.pick("Proposal belum lengkap")).toBe(
      "3 kontak dari 5 proposal akan menerima pengumuman ini. Dilewati: 1 berhenti berlangganan, 1 belum punya saluran Telegram atau WhatsApp. Tulis isi pengumumannya.",
    );
    const reply = await p.say(
      "Batas unggah proposal KIPP 20 Desember pukul 23.59 WIB. Lengkapi bagian yang masih kosong.",
    );
    expect(reply).toContain("Pratinjau");
    expect(reply).toContain("📢 Pengumuman · KIPP 2026");
    expect(reply).toContain(
      "Kirim ke 3 kontak sekarang? Dilewati: 1 berhenti berlangganan, 1 belum punya saluran Telegram atau WhatsApp.",
    );
    expect(p.choices().map((c) => c.label)).toEqual(["Kirim", "Jadwalkan", "Batal"]);
    const contact = await db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: SECRETARIAT_CHAT },
      select: { contactId: true },
    });
    expect(await db.prisma.dialogueState.count({ where: { contactId: contact.contactId } })).toBe(0);

    expect(await p.pick("Kirim")).toMatch(/^Pengumuman \w{8} masuk antrean untuk 3 kontak\./);
    expect(queued).toBe(1);
    const a = await db.prisma.announcement.findFirstOrThrow({
      where: { createdById: contact.contactId },
      select: { id: true, progressRef: true, audience: true },
    });
    expect(a.audience).toEqual({ version: 1, filters: [{ kind: "incomplete" }] });
    expect(a.progressRef).toMatchObject({ channel: "telegram", chatId: SECRETARIAT_CHAT });
    // Pressing Kirim again (a double tap) sends nothing more.
    expect(await p.press("bc:send")).toContain("sudah tidak aktif");
    expect(await db.prisma.announcement.count({ where: { createdById: contact.contactId } })).toBe(1);

    const { server, sender } = await startTelegram({ perChatPerSecond: 1 });
    const whatsapp: { chatId: string }[] = [];
    try {
      const worker = makeWorker(db, [
        ["telegram", sender],
        [
          "whatsapp",
          {
            name: "whatsapp",
            send: async (chatId) => {
              whatsapp.push({ chatId });
              return { messageId: "w1" };
            },
          },
        ],
      ]);
      worker.start();
      await eventually(async () => (await announcementStatus(db, a.id)) === "done", "sent");
      await worker.stop();
      expect(server.messagesTo(910_001)).toHaveLength(0);
      expect(server.messagesTo(910_002)).toHaveLength(1);
      expect(server.messagesTo(910_003)).toHaveLength(1);
      expect(server.messagesTo(910_004)).toHaveLength(0);
      expect(whatsapp).toEqual([{ chatId: "6281200000005@s.whatsapp.net" }]);
      const progress = server.messagesTo(Number(SECRETARIAT_CHAT));
      expect(progress.map((m) => m.text)).toEqual([
        "Terkirim 3/5 · gagal 0 · dilewati 2 (berhenti langganan atau tanpa saluran)",
        expect.stringMatching(/^Selesai ✅ Pengumuman \w{8}: terkirim 3 dari 5, gagal 0, dilewati 2\.$/),
      ]);

      expect(await p.say(`/laporan ${a.id.slice(-8)}`)).toMatch(
        /^Pengumuman \w{8} · .* · selesai\nPenerima: proposal belum lengkap\nTerkirim 3\/5/,
      );
      expect(await p.say("/laporan")).toMatch(/^Pengumuman terakhir:\n\w{8} · .* · selesai · terkirim 3\/5/);
    } finally {
      await server.close();
    }
  });

  it("narrows by stage with a typed number and schedules for 'besok 08.00' in the competition's time zone", async () => {
    const p = await secretariat();
    await p.say("/umumkan");
    expect(await p.say("2")).toBe("Pengumuman ini untuk proposal di tahap yang mana?");
    expect(p.choices().map((c) => c.label)).toEqual([
      "Pendaftaran dan unggah proposal di SINOVIK (4)",
      "Evaluasi proposal oleh Tim Evaluasi (2)",
    ]);
    expect(await p.say("2")).toBe(
      "2 kontak dari 2 proposal akan menerima pengumuman ini. Tulis isi pengumumannya.",
    );
    await p.say("Jadwal presentasi akan dikirim pekan depan.");
    expect(await p.pick("Jadwalkan")).toContain("besok 08.00");
    expect(await p.say("kapan-kapan")).toMatch(/^Waktunya tidak terbaca/);
    expect(await p.say("besok 08.00")).toMatch(
      /^Pengumuman \w{8} dijadwalkan Selasa, 24 November 2026 (pukul )?08[.:]00 untuk 2 kontak\.$/,
    );
    const a = await db.prisma.announcement.findFirstOrThrow({
      orderBy: { createdAt: "desc" },
      select: { id: true, scheduledAt: true },
    });
    expect(a.scheduledAt.toISOString()).toBe("2026-11-24T01:00:00.000Z");
    const rows = await db.prisma.delivery.findMany({
      where: { announcementId: a.id },
      select: { nextAttemptAt: true },
    });
    expect(rows.map((r) => r.nextAttemptAt.toISOString())).toEqual([
      "2026-11-24T01:00:00.000Z",
      "2026-11-24T01:00:00.000Z",
    ]);
    expect(DAYTIME.toISOString()).toBe("2026-11-23T03:00:00.000Z");
  });

  it("cancels with Batal or /batal; other commands pass through while composing", async () => {
    const p = await secretariat();
    await p.say("/umumkan");
    await p.pick("Per wilayah");
    expect(p.choices().map((c) => c.label)).toEqual(["Bali (2)", "Jawa Tengah (2)", "Sumatera Barat (2)"]);
    await p.pick("Sumatera Barat");
    expect(await p.say("/bantuan")).not.toContain("Tulis isi pengumumannya");
    expect(await p.say("/batal")).toBe("Pengumuman dibatalkan; tidak ada yang dikirim.");
    expect(await db.prisma.announcementDraft.count()).toBe(0);
    await p.say("/umumkan");
    await p.pick("Semua peserta");
    await p.say("Uji coba.");
    expect(await p.pick("Batal")).toBe("Pengumuman dibatalkan; tidak ada yang dikirim.");
  });
});

describe("/berhenti and /mulai", () => {
  it("opt out politely and subscribe again with /mulai, which the coaching dialogue still answers", async () => {
    const p = new Person(handler);
    expect(await p.say("/berhenti")).toMatch(/^Baik, Bapak\/Ibu tidak akan menerima pengumuman/);
    const id = await db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: p.userId },
      select: { contactId: true },
    });
    expect((await db.prisma.contact.findUniqueOrThrow({ where: { id: id.contactId } })).optedOut).toBe(true);
    expect(await p.say("/mulai")).toContain("Selamat datang");
    expect((await db.prisma.contact.findUniqueOrThrow({ where: { id: id.contactId } })).optedOut).toBe(false);
  });
});
