import { accessSync, constants, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { acquireDataDirLock } from "./dataDirLock.ts";
import { applyPendingRestore } from "./embeddedBackup.ts";
import { DatabaseError } from "./errors.ts";
import { type Prisma, PrismaClient } from "./generated/client.ts";
import { applyMigrations } from "./migrate.ts";
import { registerPool } from "./sql.ts";
import { type EmbeddedThread, startEmbeddedInThread } from "./startEmbeddedInThread.ts";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

export interface Database {
  prisma: PrismaClient;
  kind: "embedded" | "postgres";
  url: string;
  /** Migrations applied by this start (empty when the database was up to date). */
  applied: string[];
  /** Embedded only: a gzipped tarball of the running database (`klinik db backup` through the bot). */
  dump?: () => Promise<Uint8Array>;
  /** Embedded only: the folder a staged restore moved aside at this start. */
  restoredFrom?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  migrationsDir?: string;
  /** Skip the migration run (a test database already migrated). */
  skipMigrations?: boolean;
  poolSize?: number;
}

/**
 * PGlite is one PostgreSQL session. Its socket server interleaves statements of several
 * connections on that session (one connection's Bind can land between another's Parse and
 * Execute, and a transaction can stall the rest), so the embedded database gets a pool of one
 * connection: statements queue in pg.Pool instead. PostgreSQL gets a real pool.
 */
export const EMBEDDED_POOL_SIZE = 1;

export const DEFAULT_MIGRATIONS_DIR = resolve(import.meta.dirname, "../../prisma/migrations");

/**
 * Opens the database: PostgreSQL when a URL is given, else the embedded PGlite in DATA_DIR/pg
 * (locked against a second process). Pending migrations are applied before anything else runs.
 */
export async function createDatabase(opts: DatabaseOptions): Promise<Database> {
  const migrationsDir = opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  if (opts.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(opts.databaseUrl))
      throw new DatabaseError(
        "DATABASE_URL must start with postgresql:// (or be left empty for the embedded database)",
      );
    const applied = await migrateOrExplain(opts.databaseUrl, migrationsDir, opts.skipMigrations);
    return {
      ...connect(opts.databaseUrl, opts.poolSize ?? 10, { prepare: true, genericPlans: true }),
      kind: "postgres",
      url: opts.databaseUrl,
      applied,
    };
  }
  const dataDir = resolve(opts.dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (e) {
    throw new DatabaseError(
      `DATA_DIR ${dataDir} is not writable (${(e as NodeJS.ErrnoException).code ?? e})`,
    );
  }
  const lock = await acquireDataDirLock(dataDir);
  let embedded: EmbeddedThread | undefined;
  try {
    const restoredFrom = await applyPendingRestore(dataDir);
    embedded = await startEmbeddedInThread({ dataDir: join(dataDir, "pg") });
    const applied = await migrateOrExplain(embedded.url, migrationsDir, opts.skipMigrations);
    const conn = connect(embedded.url, EMBEDDED_POOL_SIZE, { prepare: true });
    const emb = embedded;
    return {
      prisma: conn.prisma,
      kind: "embedded",
      url: emb.url,
      applied,
      dump: () => emb.dump(),
      ...(restoredFrom ? { restoredFrom } : {}),
      async close() {
        await conn.close();
        await emb.stop();
        lock.release();
      },
    };
  } catch (e) {
    await embedded?.stop().catch(() => {});
    lock.release();
    throw e;
  }
}

async function migrateOrExplain(url: string, dir: string, skip?: boolean): Promise<string[]> {
  if (skip) return [];
  try {
    return await applyMigrations(url, dir);
  } catch (e) {
    if (e instanceof DatabaseError) throw e;
    throw new DatabaseError(`cannot reach the database (${(e as Error).message || (e as Error).name})`, {
      cause: String(e),
    });
  }
}

export function connect(
  url: string,
  poolSize: number,
  opts: { prepare?: boolean; genericPlans?: boolean } = {},
): { prisma: PrismaClient; close(): Promise<void> } {
  // A prepared pool keeps its connections: the embedded database's one session holds the names.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(opts.prepare ? { idleTimeoutMillis: 0 } : {}),
    // The hot path's named statements are index lookups whose plan does not depend on the values:
    // planned once, not at every execution (the contact's read spent 0.5 ms in Bind each time).
    // Prisma's statements are unnamed, so they are still planned with their values.
    ...(opts.genericPlans ? { options: "-c plan_cache_mode=force_generic_plan" } : {}),
  });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", () => {});
  // Under load (and always on the embedded single connection) a transaction may queue for the
  // connection for a while; Prisma's default maxWait of 2 s would turn that queue into errors.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 15_000 } });
  registerPool(prisma, pool, { prepare: opts.prepare ?? false });
  return {
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
