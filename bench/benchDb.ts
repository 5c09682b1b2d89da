import pg from "pg";
import { connect, EMBEDDED_POOL_SIZE } from "../src/db/createDatabase.ts";
import type { PrismaClient } from "../src/db/generated/client.ts";
import { applyMigrations } from "../src/db/migrate.ts";
import { startEmbeddedPostgres } from "../src/db/startEmbeddedPostgres.ts";

export interface BenchDb {
  kind: "embedded" | "postgres";
  prisma: PrismaClient;
  url: string;
  close(): Promise<void>;
}

/** A fresh migrated database for one benchmark: in-memory PGlite, or a new PostgreSQL database. */
export async function openBenchDb(kind: "embedded" | "postgres", pgUrl?: string): Promise<BenchDb> {
  if (kind === "postgres") {
    if (!pgUrl) throw new Error("PostgreSQL benchmark needs TEST_DATABASE_URL");
    const name = `klinik_bench_${process.pid}_${Date.now() % 1e6}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    await applyMigrations(u.toString(), "prisma/migrations");
    // As the bot opens it (createDatabase): the hot path's statements prepared once per connection.
    const conn = connect(u.toString(), 10, { prepare: true, genericPlans: true });
    return {
      kind,
      prisma: conn.prisma,
      url: u.toString(),
      async close() {
        await conn.close();
        const a = new pg.Client({ connectionString: pgUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const emb = await startEmbeddedPostgres({ dataDir: "memory://" });
  await applyMigrations(emb.url, "prisma/migrations");
  const conn = connect(emb.url, EMBEDDED_POOL_SIZE, { prepare: true });
  return {
    kind,
    prisma: conn.prisma,
    url: emb.url,
    async close() {
      await conn.close();
      await emb.stop();
    },
  };
}

export interface BenchRow {
  bench: string;
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean | null;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(xs: number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
}
