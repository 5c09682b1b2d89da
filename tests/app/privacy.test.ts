import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrivacyRoutes } from "../../src/app/privacy/createPrivacyRoutes.ts";
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

describe("personal data (UU 27/2022)", () => {
  it("/datasaya shows what is stored; /hapusdata deletes it after confirmation and the unit keeps its drafts", async () => {
    const handler = makeHandler(db, { routes: createPrivacyRoutes({ db: db.prisma }) });
    const p = new Person(handler);
    await p.send(p.message("halo", { profile: { displayName: "Ibu Sari", phone: "+6281234567890" } }));
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Data Pribadi"))![1]!;
    await p.say(fixture("ringkasan", "good"));
    await p.say("selesai");
    const mine = await p.say("/datasaya");
    expect(mine).toContain("Ibu Sari");
    expect(mine).toContain("+6281234567890");
    expect(mine).toContain(code);
    expect(mine).toContain("Versi draf yang Bapak/Ibu tulis: 1");

    await p.say("/hapusdata");
    expect(p.choices().map((c) => c.id)).toEqual(["erase:yes", "erase:no"]);
    expect(await p.press("erase:no")).toContain("tidak ada yang dihapus");
    expect(await db.prisma.channelIdentity.count({ where: { externalId: p.userId } })).toBe(1);

    await p.say("/hapusdata");
    expect(await p.press("erase:yes")).toContain("sudah dihapus");
    expect(await db.prisma.channelIdentity.count({ where: { externalId: p.userId } })).toBe(0);
    expect(await db.prisma.contact.count({ where: { displayName: "Ibu Sari" } })).toBe(0);
    const draft = await db.prisma.sectionDraft.findFirst({
      where: { proposal: { code }, sectionKey: "ringkasan" },
      select: { text: true, revisions: { select: { authorId: true } } },
    });
    expect(draft?.text).toBe(fixture("ringkasan", "good"));
    expect(draft?.revisions).toEqual([{ authorId: null }]);

    // Writing again starts as a new person, with a fresh welcome and privacy note.
    expect(await p.say("halo")).toContain("/hapusdata");
  });
});
