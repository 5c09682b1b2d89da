import { afterAll, beforeAll, expect, it } from "vitest";
import { storableText } from "../../src/core/storableText.ts";
import { makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});

it("replaces only what PostgreSQL cannot store: NUL and lone surrogates", () => {
  expect(storableText("a\u0000b\uD800c\uDFFFd")).toBe("a\uFFFDb\uFFFDc\uFFFDd");
  const kept = "مرحبا \u202Eevil\u202C a\u0301 😀 \u0007 <b>x</b>";
  expect(storableText(kept)).toBe(kept);
});

it("a draft with NUL bytes and broken characters is saved (cleaned), not answered with an apology", async () => {
  const p = new Person(makeHandler(db), "nul-user");
  await p.createProposal("Inovasi Karakter Aneh");
  const counted = await p.say("Waktu tunggu\u0000 turun \uD800 dari 3 jam menjadi 35 menit.");
  expect(counted).toMatch(/\d+ kata/);
  const checked = await p.say("selesai");
  expect(checked).not.toMatch(/maaf/i);
  const draft = await db.prisma.sectionDraft.findFirstOrThrow({
    where: { proposal: { title: "Inovasi Karakter Aneh" }, text: { contains: "Waktu tunggu" } },
  });
  expect(draft.text).toBe("Waktu tunggu\uFFFD turun \uFFFD dari 3 jam menjadi 35 menit.");
});
