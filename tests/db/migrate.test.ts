import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseError } from "../../src/db/errors.ts";
import { applyMigrations, migrationStatus, readMigrations } from "../../src/db/migrate.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

describe("migration runner", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it("records the bundled migrations the way Prisma does and applies nothing twice", async () => {
    const status = await migrationStatus(db.url, "prisma/migrations");
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(readMigrations("prisma/migrations").map((m) => m.name));
    expect(await applyMigrations(db.url, "prisma/migrations")).toEqual([]);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const rows = await c.query(`SELECT checksum, applied_steps_count, finished_at FROM "_prisma_migrations"`);
    await c.end();
    expect(rows.rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.rows[0].applied_steps_count).toBe(1);
    expect(rows.rows[0].finished_at).not.toBeNull();
  });

  it("applies a new migration with a $$ body, and a failing one stops start-up until resolved", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mig-"));
    for (const m of readMigrations("prisma/migrations")) {
      mkdirSync(join(dir, m.name));
      writeFileSync(join(dir, m.name, "migration.sql"), m.sql);
    }
    mkdirSync(join(dir, "20990101000000_fn"));
    writeFileSync(
      join(dir, "20990101000000_fn", "migration.sql"),
      `CREATE FUNCTION klinik_one() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;`,
    );
    expect(await applyMigrations(db.url, dir)).toEqual(["20990101000000_fn"]);
    mkdirSync(join(dir, "20990102000000_bad"));
    writeFileSync(join(dir, "20990102000000_bad", "migration.sql"), `ALTER TABLE "Nope" ADD COLUMN x int;`);
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/20990102000000_bad failed/);
    await expect(applyMigrations(db.url, dir)).rejects.toBeInstanceOf(DatabaseError);
    expect((await migrationStatus(db.url, dir)).failed).toEqual(["20990102000000_bad"]);
  });
});
