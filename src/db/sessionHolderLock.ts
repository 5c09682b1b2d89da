import pg from "pg";

/**
 * PostgreSQL advisory-lock key of the elected dispatcher, which also holds the WhatsApp session.
 * It keeps the value of the former WhatsApp session lock ("KLWA"), so an older bot process that
 * holds the session and a newer dispatcher exclude each other during a rolling upgrade.
 */
export const DISPATCHER_LOCK = 0x4b4c5741;

export interface SessionHolderLock {
  /** Resolves once this process holds the lock; retries until then (or until stopped). */
  acquire(): Promise<boolean>;
  /** Gives the lock up (closes the connection that holds it). */
  release(): Promise<void>;
}

/**
 * One holder among several bot processes on one PostgreSQL database: a session-level advisory
 * lock on a dedicated connection. It is released when the holder stops or dies (its connection
 * closes), and a standing-by process takes it at its next try. `onLost` is told when the
 * connection holding the lock breaks, so the holder stops using what the lock protects.
 */
export function createSessionHolderLock(opts: {
  url: string;
  /** One bigint key, or the two-int form (a namespace and an id within it). */
  key: number | readonly [number, number];
  retryMs?: number;
  onLost?: () => void;
}): SessionHolderLock {
  const retryMs = opts.retryMs ?? 5_000;
  let client: pg.Client | undefined;
  let stopped = false;
  let held = false;
  let wake: (() => void) | undefined;

  async function tryOnce(): Promise<boolean> {
    const c = new pg.Client({ connectionString: opts.url });
    c.on("error", () => {});
    try {
      await c.connect();
      const r =
        typeof opts.key === "number"
          ? await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [opts.key])
          : await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::int, $2::int) AS ok", [
              ...opts.key,
            ]);
      if (!r.rows[0]?.ok) {
        await c.end();
        return false;
      }
    } catch {
      await c.end().catch(() => {});
      return false;
    }
    client = c;
    c.on("end", () => {
      if (client !== c) return;
      client = undefined;
      const wasHeld = held;
      held = false;
      if (wasHeld && !stopped) opts.onLost?.();
    });
    return true;
  }

  return {
    async acquire() {
      stopped = false;
      while (!stopped) {
        if (await tryOnce()) {
          held = true;
          return true;
        }
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, retryMs).unref();
        });
      }
      return false;
    },
    async release() {
      stopped = true;
      held = false;
      wake?.();
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
