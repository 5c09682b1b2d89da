import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db/createDatabase.ts";

// Regression: with several connections on the embedded PGlite socket, concurrent interactive
// transactions interleaved their statements and stalled the bot (found by the hostile suite).
let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "klinik-conc-"));
  db = await createDatabase({ dataDir: dir });
  await db.prisma.$executeRawUnsafe(`CREATE TABLE t_counter (id int PRIMARY KEY, n int NOT NULL)`);
  await db.prisma.$executeRawUnsafe(`INSERT INTO t_counter SELECT g, 0 FROM generate_series(1, 8) g`);
}, 60_000);
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("runs 200 concurrent transactions and plain queries on the embedded database, none lost", async () => {
  const work = Array.from({ length: 200 }, (_, i) => {
    const id = (i % 8) + 1;
    if (i % 3 === 0)
      return db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT n FROM t_counter WHERE id = $1`, id);
    return db.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
        `SELECT n FROM t_counter WHERE id = $1 FOR UPDATE`,
        id,
      );
      await new Promise((r) => setTimeout(r, 1));
      await tx.$executeRawUnsafe(`UPDATE t_counter SET n = $1 WHERE id = $2`, row!.n + 1, id);
    });
  });
  await Promise.all(work);
  const rows = await db.prisma.$queryRawUnsafe<{ total: bigint }[]>(
    `SELECT sum(n)::bigint AS total FROM t_counter`,
  );
  expect(Number(rows[0]!.total)).toBe(200 - Math.ceil(200 / 3));
}, 60_000);
