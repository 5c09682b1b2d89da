import { afterAll, beforeAll, expect, it } from "vitest";
import { makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

// Registering in chat writes the unit (found by name and instansi, or created), the membership,
// the proposal and its first stage event in one statement: the rows must be what they were.
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => db.close());

it("two people of one unit register two proposals: one unit, both members, each proposal with its first stage", async () => {
  const handler = makeHandler(db);
  const ani = new Person(handler);
  const budi = new Person(handler);
  const first = await ani.createProposal("Jemput Bola KTP-el untuk Lansia");
  const second = await budi.createProposal("Antrean Daring Akta Kelahiran");
  const codes = [first, second].map((t) => /kode (KP-[A-Z0-9]{10})/.exec(t)![1]!);

  const units = await db.prisma.unit.findMany({
    where: { name: "Dukcapil Kab. Banyumas", instansi: "Pemerintah Kabupaten Banyumas" },
    select: { id: true, kind: true, memberships: { select: { contactId: true } } },
  });
  expect(units).toHaveLength(1);
  expect(units[0]!.kind).toBe("PEMDA");
  const proposals = await db.prisma.proposal.findMany({
    where: { code: { in: codes } },
    select: {
      unitId: true,
      title: true,
      stage: true,
      startYear: true,
      createdById: true,
      events: { select: { stage: true, note: true, actorId: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  expect(proposals.map((p) => p.title)).toEqual([
    "Jemput Bola KTP-el untuk Lansia",
    "Antrean Daring Akta Kelahiran",
  ]);
  expect(proposals.every((p) => p.unitId === units[0]!.id && p.startYear === 2019)).toBe(true);
  const creators = proposals.map((p) => p.createdById);
  expect(new Set(creators).size).toBe(2);
  expect(units[0]!.memberships.map((m) => m.contactId).sort()).toEqual([...creators].sort());
  for (const p of proposals)
    expect(p.events).toEqual([{ stage: p.stage, note: "created in chat", actorId: p.createdById }]);
});
