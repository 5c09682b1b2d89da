import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { connect, EMBEDDED_POOL_SIZE } from "../../src/db/createDatabase.ts";
import type { PrismaClient } from "../../src/db/generated/client.ts";
import { startEmbeddedPostgres } from "../../src/db/startEmbeddedPostgres.ts";

export interface TestDb {
  prisma: PrismaClient;
  /** Connection URL (embedded socket or PostgreSQL) for raw pg access and app code taking a URL. */
  url: string;
  kind: "embedded" | "postgres";
  close(): Promise<void>;
}

let counter = 0;

/**
 * A fresh, migrated database for one test file (or one test): a PGlite loaded from the run's
 * migrated dump, or a PostgreSQL database cloned from the migrated template when
 * TEST_DATABASE_URL is set. Real database, real SQL: no mocks.
 */
export async function createTestDb(): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `klinik_t_${process.ppid}_${process.pid}_${Date.now() % 1e7}_${counter++}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    const conn = connect(u.toString(), 5, { prepare: true });
    return {
      prisma: conn.prisma,
      url: u.toString(),
      kind: "postgres",
      async close() {
        await conn.close();
        const a = new pg.Client({ connectionString: base });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dump = new Blob([readFileSync(inject("pgliteDump"))]);
  const emb = await startEmbeddedPostgres({ dataDir: "memory://", loadDataDir: dump });
  const conn = connect(emb.url, EMBEDDED_POOL_SIZE, { prepare: true });
  return {
    prisma: conn.prisma,
    url: emb.url,
    kind: "embedded",
    async close() {
      await conn.close();
      await emb.stop();
    },
  };
}
