import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { DatabaseError } from "./errors.ts";

/** How long a lock may go without its holder touching it before it counts as abandoned. */
export const LOCK_STALE_MS = 10_000;
/** How often the holder touches its lock (and how long a waiter needs to see a live holder). */
const LOCK_UPDATE_MS = 1_000;

export interface DataDirLock {
  release(): void;
}

export interface LockOptions {
  staleMs?: number;
  /** Called if the lock was taken from us (our process stalled past the stale window); default: throw. */
  onCompromised?: (e: Error) => void;
}

/**
 * PGlite does not lock its data directory, and two processes on one directory silently lose
 * writes, so we hold a lock: proper-lockfile's atomic mkdir of `klinik.lock.d`, whose mtime the
 * holder refreshes every second. Nothing trusts a saved PID (after kill -9, or in a container,
 * an unrelated process can hold it): a lock whose mtime stands still for the stale window is
 * abandoned and taken over; one that moves has a live holder and is refused. So a restart right
 * after kill -9 waits at most the stale window, and a second process is refused within ~2 s.
 * The owner file only names the holder in the message. See docs/decisions/0012-data-folder-lock.md.
 */
export async function acquireDataDirLock(dataDir: string, opts: LockOptions = {}): Promise<DataDirLock> {
  const staleMs = opts.staleMs ?? LOCK_STALE_MS;
  const lockPath = join(dataDir, "klinik.lock.d");
  const ownerPath = join(dataDir, "klinik.lock.owner");
  const lost = (e: Error) =>
    (
      opts.onCompromised ??
      ((err: Error) =>
        // Thrown outside any promise: the process stops rather than write beside another one.
        setImmediate(() => {
          throw new DatabaseError(`lost the lock on the data folder ${dataDir}: ${err.message}`);
        }))
    )(e);
  let release: () => Promise<void> = async () => {};
  let released = false;
  const options = {
    lockfilePath: lockPath,
    realpath: false,
    stale: staleMs,
    update: LOCK_UPDATE_MS,
    // proper-lockfile gives the lock up when a refresh comes later than the stale window (our
    // event loop stalled, e.g. a machine under heavy load). If nobody took it meanwhile we take
    // it again and go on; only a lock another process now holds stops us.
    onCompromised: (e: Error) => {
      if (released) return;
      lockfile.lock(dataDir, options).then(
        (r) => {
          release = r;
        },
        () => lost(e),
      );
    },
  };
  const deadline = Date.now() + staleMs + 2 * LOCK_UPDATE_MS;
  let seen: number | undefined;
  for (;;) {
    try {
      release = await lockfile.lock(dataDir, options);
      writeFileSync(ownerPath, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date() }));
      // The PID-file lock of earlier versions: we own the folder now, so it is only clutter.
      rmSync(join(dataDir, "klinik.lock"), { force: true });
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(ownerPath, { force: true });
          release().catch(() => {});
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ELOCKED") throw e;
    }
    const mtime = mtimeOf(lockPath);
    if ((seen !== undefined && mtime !== undefined && mtime !== seen) || Date.now() > deadline)
      throw new DatabaseError(
        `the data folder ${dataDir} is in use by another Klinik Inovasi process${owner(ownerPath)}; stop it first or set another DATA_DIR`,
      );
    seen ??= mtime;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function owner(path: string): string {
  try {
    const o = JSON.parse(readFileSync(path, "utf8")) as { pid?: number; host?: string };
    return o.pid ? ` (pid ${o.pid}${o.host && o.host !== hostname() ? ` on ${o.host}` : ""})` : "";
  } catch {
    return "";
  }
}
