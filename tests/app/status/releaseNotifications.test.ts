import { afterAll, beforeAll, expect, it } from "vitest";
import { createNotifier } from "../../../src/app/notifier.ts";
import { competitionById } from "../../../src/app/status/competitionData.ts";
import { notifyRelease } from "../../../src/app/status/releaseScores.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { NOW, seedCompetition } from "./statusHarness.ts";

// A score release to 10,000 participants is queued in one statement: one delivery per person,
// on their preferred channel, with their own codes in their language; nothing is sent inline.
const N = 10_000;
let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
  const ids = Array.from({ length: N }, (_, i) => i);
  await db.prisma.unit.createMany({ data: ids.map((i) => ({ id: `ru${i}`, name: `Unit Rilis ${i}` })) });
  await db.prisma.contact.createMany({
    data: ids.map((i) => ({ id: `rc${i}`, locale: i % 4 === 0 ? "en" : "id", optedOut: i % 100 === 7 })),
  });
  // Everyone on Telegram except every 10th person (WhatsApp only); every 5th has both.
  await db.prisma.channelIdentity.createMany({
    data: ids.flatMap((i) => [
      ...(i % 10 === 3
        ? []
        : [{ contactId: `rc${i}`, channel: "telegram", externalId: String(900_000 + i) }]),
      ...(i % 5 === 0 || i % 10 === 3
        ? [
            {
              contactId: `rc${i}`,
              channel: "whatsapp",
              externalId: `62813${String(i).padStart(7, "0")}@s.whatsapp.net`,
            },
          ]
        : []),
    ]),
  });
  await db.prisma.membership.createMany({
    data: ids.map((i) => ({ contactId: `rc${i}`, unitId: `ru${i}` })),
  });
  // Person 1 also belongs to unit 2: one message naming both codes.
  await db.prisma.membership.create({ data: { contactId: "rc1", unitId: "ru2" } });
  await db.prisma.proposal.createMany({
    data: ids.map((i) => ({
      id: `rp${i}`,
      competitionId,
      unitId: `ru${i}`,
      code: `KP-R${String(i).padStart(5, "0")}`,
      title: `Inovasi ${i}`,
      stage: "evaluasi_proposal",
      group: "umum",
    })),
  });
  await db.prisma.$executeRawUnsafe("ANALYZE"); // as autovacuum would after a bulk import
}, 120_000);
afterAll(async () => {
  await db.close();
});

it(`queues a release to ${N.toLocaleString("en")} participants in one statement, one message per person on their preferred channel`, async () => {
  const competition = (await competitionById(db.prisma, competitionId))!;
  const notifier = createNotifier({ db: db.prisma, quietHours: null, now: () => NOW });
  const proposals = Array.from({ length: N }, (_, i) => ({
    id: `rp${i}`,
    code: `KP-R${String(i).padStart(5, "0")}`,
    title: `Inovasi ${i}`,
    unitId: `ru${i}`,
  }));
  const t0 = performance.now();
  const queued = await notifyRelease(notifier, competition, "evaluasi_proposal", {
    results: N,
    unscored: 0,
    incomplete: [],
    proposals,
  });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`queued ${queued} release notifications in ${seconds.toFixed(2)} s (${db.kind})`);
  expect(queued).toBe(N - N / 100);
  expect(seconds).toBeLessThan(30); // a floor, not a benchmark: "seconds", never minutes

  const rows = await db.prisma.delivery.findMany({
    where: { announcement: { kind: "notification" } },
    select: { contactId: true, channel: true, externalId: true, status: true, text: true },
  });
  expect(rows).toHaveLength(N);
  expect(new Set(rows.map((r) => r.contactId)).size).toBe(N);
  const of = (i: number) => rows.find((r) => r.contactId === `rc${i}`)!;
  expect(of(0)).toMatchObject({ channel: "telegram", externalId: "900000", status: "pending" });
  expect(of(0).text).toBe(
    "📣 Scores of the Proposal evaluation by the Evaluation Team stage for proposal KP-R00000 are out. Send /nilai to see them.",
  );
  expect(of(3)).toMatchObject({ channel: "whatsapp", externalId: "628130000003@s.whatsapp.net" });
  expect(of(1).text).toContain("untuk proposal KP-R00001, KP-R00002 sudah dirilis");
  expect(of(7)).toMatchObject({ status: "skipped", channel: "telegram" });
  expect(rows.filter((r) => r.channel === "whatsapp")).toHaveLength(N / 10);
  expect(await db.prisma.announcement.count({ where: { kind: "notification" } })).toBe(1);
}, 120_000);
