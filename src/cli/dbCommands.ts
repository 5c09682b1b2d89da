import { writeFileSync } from "node:fs";
import { createConfig, loadDotEnv } from "../config.ts";
import { createDatabase, DEFAULT_MIGRATIONS_DIR } from "../db/createDatabase.ts";
import { backupEmbedded, restoreEmbedded, stageRestore } from "../db/embeddedBackup.ts";
import { DatabaseError } from "../db/errors.ts";
import { type MigrationStatus, migrationStatus } from "../db/migrate.ts";
import { readControlFile } from "../http/controlFile.ts";
import { type CliIo, UsageError } from "./cliContext.ts";

const PG_HINT = "for PostgreSQL use pg_dump / pg_restore (docs/runbook.md)";

function configOf(io: CliIo) {
  loadDotEnv();
  return createConfig(io.env);
}

/** GET on the running bot's admin surface (127.0.0.1, token from the data folder). */
async function askBot(dataDir: string, path: string): Promise<Response | undefined> {
  const c = readControlFile(dataDir);
  if (!c) return undefined;
  const r = await fetch(`http://127.0.0.1:${c.port}/admin${path}`, {
    headers: { authorization: `Bearer ${c.token}` },
  });
  if (!r.ok) throw new DatabaseError(`the running bot refused ${path} (HTTP ${r.status})`);
  return r;
}

/**
 * `klinik db backup <file>`: the embedded database as a gzipped tarball. While the bot runs (it
 * holds the folder) the bot itself writes the dump, between two statements.
 */
export async function dbBackup(io: CliIo, file: string | undefined): Promise<void> {
  if (!file) throw new UsageError("db backup needs a file, e.g. klinik-2026-12-01.tar.gz");
  const config = configOf(io);
  if (config.databaseUrl) throw new UsageError(`db backup is for the embedded database; ${PG_HINT}`);
  const viaBot = await askBot(config.dataDir, "/backup");
  if (viaBot) {
    const bytes = new Uint8Array(await viaBot.arrayBuffer());
    writeFileSync(file, bytes);
    io.out(`Backed up the running bot's database to ${file} (${kb(bytes.length)}).`);
    return;
  }
  const n = await backupEmbedded(config.dataDir, file);
  io.out(`Backed up ${config.dataDir} to ${file} (${kb(n)}).`);
}

/**
 * `klinik db restore <file>`: replaces the embedded database with a backup (the current one is
 * kept beside it). While the bot runs, the backup is checked and staged, and the bot loads it
 * at its next start.
 */
export async function dbRestore(io: CliIo, file: string | undefined): Promise<void> {
  if (!file) throw new UsageError("db restore needs a backup file");
  const config = configOf(io);
  if (config.databaseUrl) throw new UsageError(`db restore is for the embedded database; ${PG_HINT}`);
  if (readControlFile(config.dataDir)) {
    await stageRestore(config.dataDir, file);
    io.out(
      `The bot is running: ${file} is checked and staged. Restart the bot (e.g. systemctl restart klinik) to load it.`,
    );
    return;
  }
  const kept = await restoreEmbedded(config.dataDir, file);
  io.out(`Restored ${file} into ${config.dataDir}; the previous database is kept as ${kept}.`);
}

/**
 * `klinik db status`: applied and pending migrations; a pending or failed one is a DatabaseError
 * (exit code 1), so deploy scripts can stop on it.
 */
export async function dbStatus(io: CliIo): Promise<void> {
  const config = configOf(io);
  let s: MigrationStatus;
  const viaBot = config.databaseUrl ? undefined : await askBot(config.dataDir, "/migrations");
  if (viaBot) s = (await viaBot.json()) as MigrationStatus;
  else {
    const db = await createDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      skipMigrations: true,
    });
    try {
      s = await migrationStatus(db.url, DEFAULT_MIGRATIONS_DIR);
    } finally {
      await db.close();
    }
  }
  io.out(`applied: ${s.applied.length}, pending: ${s.pending.length}, failed: ${s.failed.length}`);
  for (const n of s.applied) io.out(`  ✔ ${n}`);
  for (const n of s.pending) io.out(`  … ${n}`);
  for (const n of s.failed) io.out(`  ✖ ${n}`);
  if (s.failed.length > 0) throw new DatabaseError(`${s.failed.length} migration(s) failed`);
  if (s.pending.length > 0)
    throw new DatabaseError(
      `${s.pending.length} migration(s) pending: klinik db migrate (or start the bot) applies them`,
    );
}

const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
