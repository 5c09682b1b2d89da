import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectIntent } from "../../../src/core/intent/detectIntent.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { makeStatusApp, seedCompetition, seedMember, seedProposal } from "./statusHarness.ts";

describe("detectIntent", () => {
  it.each([
    ["status proposal kami gimana?", "status"],
    ["sudah sampai tahap mana?", "status"],
    ["Proposal kami sudah lolos belum ya", "status"],
    ["what is the status of our proposal?", "status"],
    ["which stage are we at?", "status"],
    ["berapa nilai kami?", "scores"],
    ["Nilai proposal kami berapa pak?", "scores"],
    ["what is our score", "scores"],
    ["how did we score?", "scores"],
    ["skor", "scores"],
  ] as const)("%s → %s", (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  it.each([
    "halo",
    "selesai",
    "Nilai tambah inovasi ini adalah layanan jemput bola",
    "/status",
    "Status gizi balita di wilayah kami membaik dari 61% menjadi 93% sejak inovasi berjalan pada tahun 2021 berkat kader posyandu",
    "Kami menyiapkan tahapan pelaksanaan secara berurutan",
  ])("%s → nothing", (text) => {
    expect(detectIntent(text)).toBeUndefined();
  });
});

describe("plain-language questions in the chat", () => {
  let db: TestDb;
  let competitionId: string;
  beforeAll(async () => {
    db = await createTestDb();
    competitionId = await seedCompetition(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it("answers status questions in Indonesian and English", async () => {
    const app = makeStatusApp(db);
    const p = await seedProposal(db, competitionId);
    const id = await seedMember(db, p.unitId);
    const en = await seedMember(db, p.unitId, { locale: "en" });
    expect(await app.person(id.userId).say("status proposal kami gimana?")).toContain(
      "Tahap sekarang: Pendaftaran",
    );
    expect(await app.person(id.userId).say("sudah sampai tahap mana?")).toContain(p.code);
    expect(await app.person(en.userId).say("what stage is our proposal at?")).toContain(
      "Current stage: Registration",
    );
    expect(await app.person(en.userId).say("what is our score")).toContain("have not been announced yet");
  });

  it("answers a status question typed while writing a section, leaves the draft unchanged, and returns to the section", async () => {
    const app = makeStatusApp(db);
    const person = app.person();
    const created = await person.createProposal("Layanan Antar Akta");
    const code = /kode (KP-[A-Z0-9]{10})/.exec(created)![1]!;
    await person.say("Warga harus datang ke kantor dinas untuk mengurus akta kelahiran.");
    const reply = await person.say("status proposal kami gimana?");
    expect(reply).toContain(code);
    expect(reply).toContain("Tahap sekarang");
    expect(reply.indexOf("Tahap sekarang")).toBeLessThan(
      reply.indexOf("Kembali ke Ringkasan (10 kata tertulis)"),
    );
    const state = await db.prisma.dialogueState.findFirstOrThrow({
      where: { contact: { identities: { some: { externalId: person.userId } } } },
    });
    expect((state.state as { step: { kind: string; buffer: string[] } }).step).toMatchObject({
      kind: "writing",
      buffer: ["Warga harus datang ke kantor dinas untuk mengurus akta kelahiran."],
    });
    expect(await person.say("berapa nilai kami?")).toContain("belum diumumkan");
    // The section is still open: "selesai" closes it with the buffered text only.
    expect(await person.say("selesai")).toMatch(/Ringkasan · 10\/\d+ kata/);
  });

  it("answers the question once the section is closed", async () => {
    const app = makeStatusApp(db);
    const person = app.person();
    await person.createProposal("Layanan Antar KIA");
    await person.say("/batal");
    expect(await person.say("berapa nilai kami?")).toContain("belum diumumkan");
  });
});
