import pg from "pg";
import type { Db, Tx } from "./createDatabase.ts";

/**
 * The hot path's statements (every message runs a handful) go to the connection pool directly:
 * Prisma's client adds about a fifth of a turn's CPU on top of the driver (docs/benchmarks.md).
 * Inside a transaction, and for a client opened without a known pool, they run through Prisma's
 * raw query instead, on the transaction's connection. Results have the same shape either way.
 */
export interface Sql {
  text: string;
  values: unknown[];
}

/** `sql\`… ${value} …\`` with the values as parameters ($1, $2, …), never spliced into the text. */
export function sql(parts: TemplateStringsArray, ...values: unknown[]): Sql {
  return { text: parts.reduce((t, p, i) => `${t}$${i}${p}`), values };
}

const pools = new WeakMap<object, pg.Pool>();

/** Called where a client is opened over a pool (createDatabase's connect). */
export function registerPool(db: Db, pool: pg.Pool): void {
  pools.set(db, pool);
}

// Timestamps without a zone hold UTC wall time (as Prisma writes them), whatever the server's zone.
const utc = (v: string) => new Date(`${v.replace(" ", "T")}Z`);
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.TIMESTAMP) return utc;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export async function query<T>(db: Db | Tx, q: Sql): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return (db as Db).$queryRawUnsafe<T[]>(q.text, ...q.values);
  const r = await pool.query({ text: q.text, values: q.values as unknown[], types });
  return r.rows as T[];
}

/** A statement whose rows nobody reads; the number of rows it changed. */
export async function execute(db: Db | Tx, q: Sql): Promise<number> {
  const pool = pools.get(db);
  if (!pool) return (db as Db).$executeRawUnsafe(q.text, ...q.values);
  const r = await pool.query({ text: q.text, values: q.values as unknown[], types });
  return r.rowCount ?? 0;
}
