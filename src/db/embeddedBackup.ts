import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "./dataDirLock.ts";
import { DatabaseError } from "./errors.ts";

/** A restore waiting for the next start (the bot held the folder when it was asked for). */
export const PENDING_RESTORE = "restore-pending.tar.gz";

/** The embedded database folder inside DATA_DIR. */
export const pgDir = (dataDir: string) => join(resolve(dataDir), "pg");

/** A gzipped tarball of the embedded database, from a PGlite that is running (between statements). */
export async function dumpRunning(db: PGlite): Promise<Uint8Array> {
  const blob = await db.dumpDataDir("gzip");
  return new Uint8Array(await blob.arrayBuffer());
}

/** Backs up a stopped embedded database (the folder is locked meanwhile); returns the bytes written. */
export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  if (!existsSync(pgDir(dataDir))) throw new DatabaseError(`no embedded database in ${resolve(dataDir)}`);
  const lock = await acquireDataDirLock(resolve(dataDir));
  try {
    const db = await PGlite.create(pgDir(dataDir));
    try {
      const bytes = await dumpRunning(db);
      writeFileSync(file, bytes);
      return bytes.length;
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

/** Checks that a file is a backup of this project's database (it opens and has migrations). */
export async function verifyBackup(file: string): Promise<{ migrations: number }> {
  let db: PGlite | undefined;
  try {
    db = await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]) });
    const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    return { migrations: r.rows[0]?.n ?? 0 };
  } catch (e) {
    throw new DatabaseError(`${file} is not a Klinik Inovasi database backup (${(e as Error).message})`);
  } finally {
    await db?.close().catch(() => {});
  }
}

/**
 * Replaces the embedded database with a backup; the folder must be free (the bot stopped). The
 * current database is kept beside it as pg.before-restore-<time>. Returns that folder's name.
 */
export async function restoreEmbedded(dataDir: string, file: string, now = new Date()): Promise<string> {
  await verifyBackup(file);
  const lock = await acquireDataDirLock(resolve(dataDir));
  try {
    return await loadInto(dataDir, readFileSync(file), now);
  } finally {
    lock.release();
  }
}

/** Stages a verified backup for the bot that holds the folder: it is loaded at the next start. */
export async function stageRestore(dataDir: string, file: string): Promise<string> {
  await verifyBackup(file);
  const target = join(resolve(dataDir), PENDING_RESTORE);
  writeFileSync(target, readFileSync(file));
  return target;
}

/** At start-up, before the database opens: a staged restore is loaded (caller holds the lock). */
export async function applyPendingRestore(dataDir: string, now = new Date()): Promise<string | undefined> {
  const staged = join(resolve(dataDir), PENDING_RESTORE);
  if (!existsSync(staged)) return undefined;
  const kept = await loadInto(dataDir, readFileSync(staged), now);
  rmSync(staged);
  return kept;
}

async function loadInto(dataDir: string, bytes: Uint8Array, now: Date): Promise<string> {
  const dir = pgDir(dataDir);
  const kept = `pg.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
  if (existsSync(dir)) renameSync(dir, join(resolve(dataDir), kept));
  try {
    const db = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([bytes]) });
    await db.query("SELECT 1");
    await db.close();
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    if (existsSync(join(resolve(dataDir), kept))) renameSync(join(resolve(dataDir), kept), dir);
    throw new DatabaseError(`restore failed; the database was left as it was (${(e as Error).message})`);
  }
  return kept;
}
