import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSessionHolderLock } from "../../src/db/sessionHolderLock.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

// Several bot processes on one PostgreSQL database: one holds the WhatsApp session, the others
// stand by. (The embedded database is one process and one session, so this runs on PostgreSQL.)
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let db: TestDb;
beforeAll(async () => {
  if (onPostgres) db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

it.skipIf(!onPostgres)("one process holds the lock; another takes over when the holder dies", async () => {
  const key = 424242;
  let lost = 0;
  const a = createSessionHolderLock({ url: db.url, key, retryMs: 50, onLost: () => lost++ });
  const b = createSessionHolderLock({ url: db.url, key, retryMs: 50 });
  expect(await a.acquire()).toBe(true);
  let bHolds = false;
  const bWaiting = b.acquire().then((ok) => (bHolds = ok));
  await new Promise((r) => setTimeout(r, 300));
  expect(bHolds).toBe(false);

  // The holder's connection dies (as with a killed process): the lock goes with it.
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`,
    [key],
  );
  await admin.end();
  await bWaiting;
  expect(bHolds).toBe(true);
  await new Promise((r) => setTimeout(r, 100));
  expect(lost).toBe(1);
  await b.release();
  await a.release();
});
