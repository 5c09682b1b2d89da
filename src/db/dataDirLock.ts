import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DatabaseError } from "./errors.ts";

/**
 * PGlite does not lock its data directory, and two processes on one directory silently lose
 * writes, so we hold our own lock file: created exclusively, holding our pid. A lock whose
 * process is gone (crash, SIGKILL) is taken over.
 */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "klinik.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(path, "utf8").trim());
      if (pid && pid !== process.pid && isAlive(pid))
        throw new DatabaseError(
          `the data folder ${dataDir} is in use by another Klinik Inovasi process (pid ${pid}); stop it first or set another DATA_DIR`,
          { pid },
        );
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseError(`could not lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
