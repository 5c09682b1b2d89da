import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { DatabaseError } from "./errors.ts";

/** Prisma's advisory lock key for migrations, so our runner and `prisma migrate` exclude each other. */
const PRISMA_LOCK_KEY = 72707369;

export interface MigrationInfo {
  name: string;
  checksum: string;
  sql: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
}

export function readMigrations(dir: string): MigrationInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const HISTORY_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface Row {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function history(client: pg.ClientBase): Promise<Row[]> {
  await client.query(HISTORY_DDL);
  const r = await client.query<Row>(
    `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return r.rows;
}

function classify(rows: Row[], all: MigrationInfo[]): MigrationStatus {
  const applied = new Set(
    rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name),
  );
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  return {
    applied: [...applied],
    failed,
    pending: all.map((m) => m.name).filter((n) => !applied.has(n)),
  };
}

export async function migrationStatus(url: string, dir: string): Promise<MigrationStatus> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return classify(await history(client), readMigrations(dir));
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations in name order and records them exactly as Prisma does, so
 * `prisma migrate status|deploy` stay usable where the native engine is available.
 * A failed migration is recorded with its error and blocks start-up until resolved.
 */
export async function applyMigrations(url: string, dir: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const done: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_LOCK_KEY]);
    const all = readMigrations(dir);
    const status = classify(await history(client), all);
    if (status.failed.length > 0)
      throw new DatabaseError(
        `migration ${status.failed[0]} failed earlier; fix the database, then mark it resolved (prisma migrate resolve) and start again`,
      );
    for (const m of all.filter((x) => status.pending.includes(x.name))) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`,
        [id, m.checksum, m.name],
      );
      try {
        // Simple-protocol query: the whole file at once, like psql would, so $$ bodies are safe.
        await client.query(m.sql);
      } catch (e) {
        const msg = (e as Error).message;
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, msg]);
        throw new DatabaseError(`migration ${m.name} failed: ${msg}`, { migration: m.name });
      }
      await client.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
