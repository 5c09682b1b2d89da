import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** A postgresql:// URL that pg.Pool (and so @prisma/adapter-pg) connects to. */
  url: string;
  db: PGlite;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** A data directory, or "memory://" for a throw-away database. */
  dataDir: string;
  /** A dump from db.dumpDataDir() to start from (fast test databases). */
  loadDataDir?: Blob | File;
  /** Connections the socket server accepts; must exceed the pool size. */
  maxConnections?: number;
}

/**
 * PostgreSQL's defaults size its buffers for a server of its own: 128 MB of shared buffers alone
 * is most of the bot's memory on the embedded default. A bot's working set (drafts, states,
 * outbox rows of a few thousand people) fits in far less (ADR 0001, issue 18 figures).
 */
export const EMBEDDED_CONF = [
  "shared_buffers=32MB",
  "wal_buffers=1MB",
  "work_mem=2MB",
  "maintenance_work_mem=16MB",
];

/**
 * Runs PGlite (PostgreSQL in WebAssembly) in this process behind a socket on 127.0.0.1 with an
 * ephemeral port, so the embedded default speaks the same wire protocol, driver and adapter as a
 * real PostgreSQL server (docs/decisions/0001-embedded-postgres.md).
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const db = opts.loadDataDir
    ? await PGlite.create({ loadDataDir: opts.loadDataDir, postgresqlconf: EMBEDDED_CONF })
    : await PGlite.create({ dataDir: opts.dataDir, postgresqlconf: EMBEDDED_CONF });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    maxConnections: opts.maxConnections ?? 12,
  });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  const url = `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`;
  let stopped = false;
  return {
    url,
    db,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
