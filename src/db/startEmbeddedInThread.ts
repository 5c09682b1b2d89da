import { Worker } from "node:worker_threads";
import { DatabaseError } from "./errors.ts";
import { EMBEDDED_CONF } from "./startEmbeddedPostgres.ts";

export interface EmbeddedThread {
  /** A postgresql:// URL that pg.Pool (and so @prisma/adapter-pg) connects to. */
  url: string;
  /** A gzipped tarball of the running database (`klinik db backup` through the bot). */
  dump(): Promise<Uint8Array>;
  stop(): Promise<void>;
}

/**
 * The bot's embedded database: PGlite behind its socket server on a worker thread, so the SQL
 * runs on the other core while the bot's thread handles messages (on 2 cores it was sharing one).
 * Same data folder, settings and wire protocol as startEmbeddedPostgres; the folder lock stays
 * with the caller. A database thread that dies takes the process down (exit code 70): nothing
 * can be saved without it, and the service manager restarts the bot.
 */
export async function startEmbeddedInThread(opts: {
  dataDir: string;
  maxConnections?: number;
  onDeath?: (reason: string) => void;
}): Promise<EmbeddedThread> {
  const worker = new Worker(new URL("./embeddedThread.mjs", import.meta.url), {
    workerData: { dataDir: opts.dataDir, conf: EMBEDDED_CONF, maxConnections: opts.maxConnections ?? 12 },
  });
  let stopping = false;
  const waiting = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const conn = await new Promise<string>((resolve, reject) => {
    const onError = (e: Error) =>
      reject(new DatabaseError(`the embedded database did not start (${e.message})`));
    worker.once("error", onError);
    worker.once("exit", (code) =>
      reject(new DatabaseError(`the embedded database did not start (exit ${code})`)),
    );
    worker.once("message", (m: { kind: string; conn: string }) => {
      worker.off("error", onError);
      worker.removeAllListeners("exit");
      resolve(m.conn);
    });
  });
  worker.on("message", (m: { kind: string; id?: number; bytes?: Uint8Array; error?: string }) => {
    if (m.kind !== "dump" || m.id === undefined) return;
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.bytes) w?.resolve(m.bytes);
    else w?.reject(new DatabaseError(`backup failed (${m.error})`));
  });
  const die =
    opts.onDeath ??
    ((reason: string) => {
      process.stderr.write(`klinik: the embedded database stopped (${reason}); exiting\n`);
      process.exit(70);
    });
  worker.on("error", (e) => {
    if (!stopping) die(e.message);
  });
  worker.on("exit", (code) => {
    if (!stopping) die(`thread exit ${code}`);
  });
  return {
    url: `postgresql://postgres:postgres@${conn}/postgres?sslmode=disable`,
    dump() {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ kind: "dump", id });
      });
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        worker.once("exit", done);
        worker.once("message", (m: { kind: string }) => {
          if (m.kind === "stopped") void worker.terminate().then(done, done);
        });
        worker.postMessage({ kind: "stop" });
        setTimeout(() => void worker.terminate().then(done, done), 10_000).unref();
      });
    },
  };
}
