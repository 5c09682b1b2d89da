import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTicketReminders } from "../../../src/app/tickets/runTicketReminders.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { makeSecretariat, NOW, seedCompetition, seedMember, seedProposal } from "../status/statusHarness.ts";
import { makeTicketApp, releaseAt, STAGE, scoreProposal } from "./ticketHarness.ts";

const DAY = 86_400_000;
const EVAL = ["pendaftaran", "verifikasi_administrasi", STAGE];
const WA = (n: number) => `62812000000${n}@s.whatsapp.net`;

let db: TestDb;
let competitionId: string;
let app: ReturnType<typeof makeTicketApp>;
let unitA: { id: string; code: string; unitId: string };
let unitC: { id: string; code: string; unitId: string };
let sek: { userId: string };
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
  unitA = await seedProposal(db, competitionId, { title: "Jemput Bola KTP-el", passed: EVAL });
  const unitB = await seedProposal(db, competitionId, { title: "Posyandu Digital", passed: EVAL });
  unitC = await seedProposal(db, competitionId, { title: "Samsat Keliling", passed: EVAL });
  await seedMember(db, unitA.unitId, { channel: "whatsapp", userId: WA(1) }); // alice, asks on WhatsApp
  await seedMember(db, unitA.unitId, { userId: "bob" }); // bob, same unit, Telegram
  await seedMember(db, unitB.unitId, { userId: "carol" }); // another unit
  await seedMember(db, unitC.unitId, { userId: "dave" });
  sek = await makeSecretariat(db, competitionId, "sek-1");
  app = makeTicketApp(db);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

/** The ticket number the bot's reply names ("tiket #12"). */
function numberIn(reply: string): number {
  const m = /tiket #(\d+)/.exec(reply);
  if (!m) throw new Error(`no ticket number in: ${reply}`);
  return Number(m[1]);
}

describe("questions to the secretariat", () => {
  let asked: number;

  it("a participant asks on WhatsApp and receives the secretariat's answer there, through the outbox", async () => {
    app.setNow(NOW);
    const alice = app.person(WA(1), "whatsapp");
    const kind = await alice.say("/tanya Kapan pengumuman hasil verifikasi administrasi tahun ini?");
    expect(kind).toContain("Pertanyaan ini tentang apa?");
    expect(alice.choices()[0]!.label).toBe("Status"); // inferred from "pengumuman … verifikasi"
    const created = await alice.say("1"); // WhatsApp: a typed number picks
    asked = numberIn(created);
    expect(created).toContain("Sekretariat menjawab paling lambat");
    expect(created).not.toMatch(/\bAnda\b/);

    const staff = app.person(sek.userId);
    const queue = await staff.say("/tiket");
    expect(queue).toContain(`#${asked} Status`);
    expect(queue).toContain(unitA.code);
    const done = await staff.say(
      `/jawab ${asked} --simpan Pengumuman verifikasi administrasi pada 5 Desember 2026.`,
    );
    expect(done).toContain("diantrekan ke penanya");
    expect(app.whatsapp.sent).toHaveLength(0); // queued, never sent inline

    await app.deliver();
    const toAlice = app.whatsapp.sent.filter((s) => s.chatId === WA(1));
    expect(toAlice).toHaveLength(1);
    expect(toAlice[0]!.text.startsWith(`Jawaban sekretariat untuk tiket #${asked}`)).toBe(true); // a reply, not an announcement
    expect(toAlice[0]!.text).toContain("5 Desember 2026");
    expect(app.telegram.sent.filter((s) => s.chatId === "bob")).toHaveLength(0);
    expect(await alice.say("/tiket")).toContain(`#${asked} Status · sudah dijawab`);
  });

  it("another unit's member cannot see the ticket; a member of the asker's unit can", async () => {
    const carol = app.person("carol");
    expect(await carol.say(`/tiket ${asked}`)).toContain("tidak ditemukan");
    expect(await carol.say("/tiket")).not.toContain(`#${asked}`);
    expect(await carol.say(`/jawab ${asked} saya jawab sendiri`)).toContain("khusus untuk sekretariat");
    const denied = await db.prisma.auditLog.count({
      where: { action: "access.denied", subject: `#${asked}` },
    });
    expect(denied).toBe(1);
    const bob = app.person("bob");
    const seen = await bob.say(`/tiket ${asked}`);
    expect(seen).toContain("Kapan pengumuman hasil verifikasi");
    expect(seen).toContain("5 Desember 2026");
  });

  it("a saved answer is offered for a similar question; the ticket opens only when the person says no", async () => {
    const bob = app.person("bob");
    const offer = await bob.say("/tanya kapan hasil verifikasi administrasi diumumkan ya?");
    expect(offer).toContain("Apakah ini menjawab pertanyaan Bapak/Ibu?");
    expect(offer).toContain("Pengumuman verifikasi administrasi pada 5 Desember 2026.");
    const before = await db.prisma.ticket.count();
    expect(await bob.pick("Ya")).toContain("Syukurlah");
    expect(await db.prisma.ticket.count()).toBe(before);

    await bob.say("/tanya Hasil verifikasi administrasi kapan diumumkan?");
    await bob.pick("Tidak");
    expect(bob.text()).toContain("Pertanyaan ini tentang apa?");
    await bob.pick("Status");
    expect(bob.text()).toMatch(/tiket #\d+/);
    expect(await db.prisma.ticket.count()).toBe(before + 1);

    // An unrelated question goes straight on.
    expect(await bob.say("/tanya Bagaimana cara mengunggah video ke SINOVIK?")).toContain(
      "Pertanyaan ini tentang apa?",
    );
    expect(bob.choices()[0]!.label).toBe("Teknis");
    await bob.say("/batal");
  });

  it('offers "Tanya sekretariat" when the bot has not understood twice in a row, and from /status', async () => {
    const alice = app.person(WA(1), "whatsapp");
    await alice.say("/lapor");
    expect(alice.choices().map((c) => c.label)).not.toContain("Tanya sekretariat");
    await alice.say("/keluhan");
    const offered = alice.choices().findIndex((c) => c.label === "Tanya sekretariat");
    expect(offered).toBeGreaterThanOrEqual(0);
    expect(await alice.say(String(offered + 1))).toContain("Silakan tulis pertanyaan Bapak/Ibu");
    expect(await alice.say("Apakah surat pernyataan kepala daerah harus bermeterai?")).toContain(
      "Pertanyaan ini tentang apa?",
    );
    expect(await alice.say("/batal")).toContain("dibatalkan");

    await alice.say("/status");
    const ask = alice.choices().findIndex((c) => c.label === "Tanya sekretariat");
    expect(ask).toBe(0);
    expect(await alice.say("1")).toContain("Silakan tulis pertanyaan Bapak/Ibu");
    await alice.say("/batal");
  });

  it("a person may open five tickets a day, then gets a polite refusal", async () => {
    const carol = app.person("carol");
    for (let i = 0; i < 5; i++) {
      await carol.say(`/tanya Pertanyaan lain nomor ${i} tentang formulir ${i}`);
      await carol.pick("Lainnya");
      expect(carol.text()).toMatch(/tiket #\d+/);
    }
    expect(await carol.say("/tanya Satu lagi")).toContain("sudah membuka 5 tiket");
    app.setNow(new Date(NOW.getTime() + DAY));
    expect(await carol.say("/tanya Satu lagi besoknya")).toContain("Pertanyaan ini tentang apa?");
    await carol.say("/batal");
    app.setNow(NOW);
  });
});

describe("appeals of released scores", () => {
  beforeAll(async () => {
    await scoreProposal(db, unitA.id, 70, 80);
    await scoreProposal(db, unitC.id, 60, 60);
    await releaseAt(db, competitionId, new Date(NOW.getTime() - DAY));
  });

  it("an appeal inside the window is accepted, the score corrected, and the participant sees the new result", async () => {
    const alice = app.person(WA(1), "whatsapp");
    const scores = await alice.say("/nilai");
    expect(scores).toContain("Kebaruan");
    expect(scores).toContain("75");
    const button = alice.choices().find((c) => c.label.includes("Kebaruan"))!;
    expect(button.label).toContain("Tanya/banding");
    await alice.press(button.id);
    expect(alice.text()).toContain("bertanya atau mengajukan banding");
    expect(await alice.pick("Ajukan banding")).toContain("Masa banding berakhir");
    expect(await alice.say("Tidak adil.")).toContain("paling tidak satu kalimat");
    const created = await alice.say(
      "Bagian kebaruan kami sudah menjelaskan bahwa layanan jemput bola ini yang pertama di provinsi, dengan data tahun 2019.",
    );
    const n = numberIn(created);
    const ticket = await db.prisma.ticket.findUniqueOrThrow({
      where: { number: n },
      select: { kind: true, criteria: true },
    });
    expect(ticket).toEqual({ kind: "banding", criteria: ["kebaruan"] });

    // One appeal per proposal and stage: bob (same unit) cannot open a second.
    const bob = app.person("bob");
    await bob.say("/nilai");
    await bob.press(bob.choices().find((c) => c.label.includes("Implementasi"))!.id);
    expect(await bob.pick("Ajukan banding")).toContain(`tiket #${n}`);

    const staff = app.person(sek.userId);
    expect(await staff.say(`/koreksi ${n} kebaruan 95`)).toContain("banding yang diterima");
    expect(await staff.say(`/putuskan ${n} diterima Tim Evaluasi keliru membaca data kebaruan.`)).toContain(
      "diterima",
    );
    const corrected = await staff.say(`/koreksi ${n} kebaruan 95`);
    expect(corrected).toContain("Nilai Kebaruan / Nilai Tambah dikoreksi");

    // The old rows are kept beside the new ones.
    const rows = await db.prisma.score.findMany({
      where: { proposalId: unitA.id, criterion: "kebaruan" },
      select: { judge: true, value: true, revision: true },
      orderBy: [{ judge: "asc" }, { revision: "asc" }],
    });
    expect(rows).toEqual([
      { judge: "J1", value: 70, revision: 0 },
      { judge: "J1", value: 95, revision: 1 },
      { judge: "J2", value: 80, revision: 0 },
      { judge: "J2", value: 95, revision: 1 },
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "scores.correct", subject: `#${n}` } })).toBe(1);

    const after = await alice.say("/nilai");
    expect(after).toMatch(/Kebaruan[^\n]*95/);
    expect(after).not.toEqual(scores);

    await app.deliver();
    const told = app.whatsapp.sent.filter((s) => s.chatId === WA(1)).map((s) => s.text);
    expect(told.some((t) => t.includes(`banding tiket #${n}: DITERIMA`))).toBe(true);
    expect(told.some((t) => t.includes("telah dikoreksi"))).toBe(true);
  });

  it("an appeal after the window is refused politely, naming when it closed", async () => {
    app.setNow(new Date(NOW.getTime() + 10 * DAY));
    const dave = app.person("dave");
    await dave.say("/nilai");
    await dave.press(dave.choices().find((c) => c.label.includes("Kebaruan"))!.id);
    const refused = await dave.pick("Ajukan banding");
    expect(refused).toContain("Mohon maaf, masa banding");
    expect(refused).toContain("berakhir pada Kamis, 26 November 2026 pukul 23.59 WIB");
    expect(await db.prisma.ticket.count({ where: { proposalId: unitC.id, kind: "banding" } })).toBe(0);
    // A question about the score is still possible.
    await dave.say("/nilai");
    await dave.press(dave.choices().find((c) => c.label.includes("Kebaruan"))!.id);
    expect(await dave.pick("Minta penjelasan")).toContain("Tulis pertanyaan Bapak/Ibu tentang nilai");
    await dave.say("/batal");
    app.setNow(NOW);
  });
});

describe("service level", () => {
  it("reminds the secretariat once of a ticket unanswered for 24 working hours", async () => {
    const sunday = new Date("2026-11-22T03:00:00Z"); // Sunday 10:00 WIB: the clock starts Monday 08:00
    app.setNow(sunday);
    const dave = app.person("dave");
    await dave.say("/tanya Formulir lampiran tidak bisa dibuka di laptop kami.");
    const n = numberIn(await dave.pick("Teknis"));

    app.setNow(new Date("2026-11-25T03:00:00Z")); // Wednesday 10:00: 18 working hours
    expect(await runTicketReminders(app.kit)).not.toContain(n);
    app.setNow(new Date("2026-11-26T02:00:00Z")); // Thursday 09:00: 25 working hours
    expect(await runTicketReminders(app.kit)).toContain(n);
    expect(await runTicketReminders(app.kit)).not.toContain(n);
    app.setNow(new Date("2026-11-30T02:00:00Z"));
    expect(await runTicketReminders(app.kit)).not.toContain(n);

    await app.deliver();
    const reminders = app.telegram.sent.filter(
      (s) => s.chatId === sek.userId && s.text.includes(`Tiket #${n}`),
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain("belum dijawab lebih dari 24 jam kerja");
    app.setNow(NOW);
  });
});
