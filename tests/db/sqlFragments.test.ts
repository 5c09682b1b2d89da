import { afterAll, beforeAll, expect, it } from "vitest";
import { query, sql } from "../../src/db/sql.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

// The hot path's statements are composed from fragments (a turn's state write inside the shared
// save); a fragment's parameters must keep their values wherever it is placed.
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.close());

it("a fragment's parameters are renumbered after the ones before it and keep their values", async () => {
  const inner = sql`SELECT ${"b"}::text AS x, ${2}::int AS y`;
  const q = sql`SELECT ${"a"}::text AS a, f.x, f.y, ${"c"}::text AS c FROM (${inner}) f`;
  expect(q.text).toBe(
    "SELECT $1::text AS a, f.x, f.y, $2::text AS c FROM (SELECT $3::text AS x, $4::int AS y) f",
  );
  expect(q.values).toEqual(["a", "c", "b", 2]);
  expect(await query(db.prisma, q)).toEqual([{ a: "a", x: "b", y: 2, c: "c" }]);
});
