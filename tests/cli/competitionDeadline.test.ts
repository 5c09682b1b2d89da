import { afterAll, beforeAll, expect, it } from "vitest";
import { makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { makeCli } from "./cliHarness.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});

it("a competition with a past deadline is refused, or created closed with --force", async () => {
  const cli = makeCli(db);
  const args = [
    "competition",
    "create",
    "--template",
    "kipp-2025",
    "--name",
    "KIPP Lama",
    "--deadline",
    "2020-05-06",
  ];
  const refused = await cli.run(...args);
  expect(refused.code).toBe(2);
  expect(refused.err).toContain("--deadline 2020-05-06 has passed");
  expect(await db.prisma.competition.count()).toBe(0);
  const forced = await cli.run(...args, "--force");
  expect(forced.code).toBe(0);
  expect(forced.out).toContain("(passed: created closed)");
  expect(await db.prisma.competition.findFirstOrThrow({ select: { isOpen: true } })).toEqual({
    isOpen: false,
  });
  expect((await cli.run("competition", "list")).out).toMatch(/kipp-lama\tclosed/);
});

it("a competition whose deadline has passed is never offered as open in the chat", async () => {
  // The demo's deadline is a month after it was seeded; the chat runs two months later.
  await seedKipp(db, new Date("2026-09-01T03:00:00Z"));
  const p = new Person(makeHandler(db, { now: () => new Date("2026-11-01T03:00:00Z") }));
  const out = await p.say("halo");
  expect(out).toContain("Saat ini belum ada kompetisi yang dibuka");
  expect(p.choices().map((c) => c.label)).not.toContain("Mulai proposal baru");
});
