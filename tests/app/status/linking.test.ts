import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { competitionById } from "../../../src/app/status/competitionData.ts";
import { importUnits } from "../../../src/app/status/importUnits.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { makeStatusApp, seedCompetition, seedMember, seedProposal } from "./statusHarness.ts";

let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

/** Imports one unit with one contact (as `klinik units import` would) and returns its proposal code. */
async function importUnit(unit: string, contact: { phones?: string; usernames?: string; names?: string }) {
  const competition = (await competitionById(db.prisma, competitionId))!;
  const r = await importUnits(db.prisma, competition, [
    {
      row: 2,
      cells: {
        unit,
        instansi: "Pemkab Banyumas",
        kind: "Pemda",
        title: `Inovasi ${unit}`,
        group: "umum",
        ...contact,
      },
    },
  ]);
  return r.proposals[0]!.code;
}

const contactOf = async (channel: string, externalId: string) =>
  (
    await db.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel, externalId } },
      select: { contactId: true },
    })
  ).contactId;

describe("linking a chat user to imported units", () => {
  it("links a WhatsApp user by their number on the first message, without interrupting the conversation", async () => {
    const app = makeStatusApp(db);
    const code = await importUnit("Dukcapil Banyumas", { names: "Bu Sari", phones: "0812-3456-7001" });
    const wa = app.person("6281234567001@s.whatsapp.net", "whatsapp");
    const hello = await wa.send(
      wa.message("halo", { profile: { phone: "+6281234567001", displayName: "Sari" } }),
    );
    expect(hello).toContain("Selamat datang");
    const status = await wa.send(wa.message("/status", { profile: { phone: "+6281234567001" } }));
    expect(status).toContain(code);
    const contactId = await contactOf("whatsapp", "6281234567001@s.whatsapp.net");
    const c = await db.prisma.contact.findUniqueOrThrow({
      where: { id: contactId },
      select: { displayName: true, identities: { select: { channel: true } } },
    });
    expect(c.displayName).toBe("Sari");
    expect(c.identities.map((i) => i.channel).sort()).toEqual(["import", "whatsapp"]);
    expect(await db.prisma.contact.count({ where: { displayName: "Bu Sari" } })).toBe(0);
  });

  it("links a Telegram user who shares their phone number", async () => {
    const app = makeStatusApp(db);
    const code = await importUnit("Puskesmas Sukamaju", { names: "Pak Budi", phones: "+62 813 1111 2222" });
    const tg = app.person();
    expect(await tg.say("/status")).toContain("/daftar");
    expect(tg.last[0]!.requestContact).toBe(true);
    const shared = await tg.send(
      tg.message(undefined, { sharedPhone: "+6281311112222", profile: { phone: "+6281311112222" } }),
    );
    expect(shared).toContain("cocok dengan data sekretariat");
    expect(shared).toContain("Puskesmas Sukamaju");
    expect(await tg.say("/status")).toContain(code);
    const identity = await db.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: "telegram", externalId: tg.userId } },
      select: { phone: true },
    });
    expect(identity.phone).toBe("+6281311112222");
  });

  it("thanks a Telegram user whose shared number is unknown and points to /daftar", async () => {
    const app = makeStatusApp(db);
    const tg = app.person();
    const out = await tg.send(tg.message(undefined, { sharedPhone: "+6281999999999" }));
    expect(out).toContain("belum ada di data sekretariat");
    expect(out).toContain("/daftar");
  });

  it("links a Telegram user by an imported username", async () => {
    const app = makeStatusApp(db);
    const code = await importUnit("Samsat Purwokerto", { names: "Rina", usernames: "@Rina_Samsat" });
    const tg = app.person();
    await tg.send(tg.message("halo", { profile: { username: "rina_samsat" } }));
    expect(await tg.say("/status")).toContain(code);
  });

  it("joins a unit with /daftar <kode> and refuses a wrong code politely", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId, { unit: "RSUD Ajibarang", title: "Antrean Online" });
    const tg = app.person();
    const bad = await tg.say("/daftar KP-ZZZZ");
    expect(bad).toBe(
      "Maaf, kode tidak ditemukan. Periksa kembali kode dari sekretariat (contoh: KP-7Q2M9X4KTD).",
    );
    expect(await tg.say(`/daftar ${p.code.slice(3).toLowerCase()}`)).toContain(
      `terhubung dengan RSUD Ajibarang, proposal ${p.code} "Antrean Online"`,
    );
    expect(await tg.say(`/daftar ${p.code}`)).toContain("sudah terhubung dengan RSUD Ajibarang");
    expect(await tg.say("/status")).toContain(p.code);
    expect(await tg.say("/daftar")).toContain("/daftar KP-7Q2M9X4KTD");
    expect(await db.prisma.auditLog.count({ where: { action: "link.join", subject: p.code } })).toBe(1);
  });

  it("slows down guessing: after five wrong codes in an hour, even a right one waits", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId);
    const tg = app.person();
    for (let i = 0; i < 5; i++) await tg.say(`/daftar KP-ZZZ${i + 2}`);
    expect(await tg.say(`/daftar ${p.code}`)).toContain("Terlalu banyak percobaan");
    const later = makeStatusApp(db, { now: new Date(Date.parse("2026-11-22T03:00:00Z") + 2 * 3_600_000) });
    expect(await later.person(tg.userId).say(`/daftar ${p.code}`)).toContain("kini terhubung");
  });

  it("acts once on a /daftar delivered twice", async () => {
    const app = makeStatusApp(db);
    const tg = app.person();
    const msg = tg.message("/daftar KP-ZZZZ");
    await tg.send(msg);
    expect(await tg.send(msg)).toBe("");
    const contactId = await contactOf("telegram", tg.userId);
    expect(await db.prisma.auditLog.count({ where: { action: "link.failed", actorId: contactId } })).toBe(1);
  });
});

describe("/tautkan links Telegram and WhatsApp to one contact", () => {
  it("merges the WhatsApp contact into the Telegram one with a one-time code", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId);
    const tgMember = await seedMember(db, p.unitId, { locale: "en" });
    const tg = app.person(tgMember.userId);
    const wa = app.person("6285700001111@s.whatsapp.net", "whatsapp");
    await wa.say("halo");
    const waContact = await contactOf("whatsapp", wa.userId);

    const offer = await tg.say("/tautkan");
    const code = /\b(\d{6})\b/.exec(offer)![1]!;
    expect(offer).toContain("10 minutes");
    expect(await tg.say(`/tautkan ${code}`)).toContain("made from this very account");

    expect(await wa.say(`/tautkan ${code}`)).toContain("sudah ditautkan");
    expect(await contactOf("whatsapp", wa.userId)).toBe(tgMember.contactId);
    expect(await db.prisma.contact.findUnique({ where: { id: waContact } })).toBeNull();
    // The WhatsApp side now sees the unit's proposal, in the kept contact's language.
    expect(await wa.say("/status")).toContain(`${p.code}`);
    expect(await wa.say("/status")).toContain("Current stage");
    // One use only.
    const again = app.person("6285700002222@s.whatsapp.net", "whatsapp");
    expect(await again.say(`/tautkan ${code}`)).toContain("tidak berlaku");
    expect(
      await db.prisma.auditLog.count({ where: { action: "contact.merge", actorId: tgMember.contactId } }),
    ).toBe(1);
  });

  it("refuses an expired code", async () => {
    const app = makeStatusApp(db);
    const tg = app.person();
    const code = /\b(\d{6})\b/.exec(await tg.say("/tautkan"))![1]!;
    const later = makeStatusApp(db, { now: new Date(Date.parse("2026-11-22T03:00:00Z") + 11 * 60_000) });
    expect(await later.person("6285700003333@s.whatsapp.net", "whatsapp").say(`/tautkan ${code}`)).toContain(
      "kedaluwarsa",
    );
  });
});
