import { createHash } from "node:crypto";
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

/**
 * `sql\`… ${value} …\`` with the values as parameters ($1, $2, …), never spliced into the text.
 * A value made by `sql` itself is a fragment: its text goes in, its values become parameters.
 */
export function sql(parts: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = parts[0]!;
  const params: unknown[] = [];
  values.forEach((v, i) => {
    if (v instanceof Fragment) {
      text += v.text.replace(/\$(\d+)/g, (_, n: string) => `$${params.length + Number(n)}`);
      params.push(...v.values);
    } else {
      params.push(v);
      text += `$${params.length}`;
    }
    text += parts[i + 1];
  });
  return new Fragment(text, params);
}

class Fragment implements Sql {
  constructor(
    readonly text: string,
    readonly values: unknown[],
  ) {}
}

interface Registered {
  pool: pg.Pool;
  /** Named (server-side prepared) statements: parsed and planned once per connection. */
  prepare: boolean;
}
const pools = new WeakMap<object, Registered>();

/**
 * Called where a client is opened over a pool (createDatabase's connect). The embedded database
 * is one session behind its socket, so its pool keeps its one connection open (a new connection
 * would find the names already prepared; see run()).
 */
export function registerPool(db: Db, pool: pg.Pool, opts: { prepare: boolean }): void {
  pools.set(db, { pool, prepare: opts.prepare });
}

// Planning was half of PostgreSQL's time per hot-path statement (docs/benchmarks.md).
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `k${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

function config(r: Registered, q: Sql): pg.QueryConfig {
  return {
    ...(r.prepare ? { name: statementName(q.text) } : {}),
    text: q.text,
    values: q.values as unknown[],
    types,
  };
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
  const r = pools.get(db);
  if (!r) return (db as Db).$queryRawUnsafe<T[]>(q.text, ...q.values);
  return (await run(r, q)).rows as T[];
}

/**
 * A name the session already holds (the embedded database's one session, after the pool replaced
 * its connection) is PostgreSQL's 42P05: from then on this pool sends its statements unnamed.
 */
async function run(r: Registered, q: Sql): Promise<pg.QueryResult> {
  try {
    return await r.pool.query(config(r, q));
  } catch (e) {
    if (!r.prepare || (e as { code?: string }).code !== "42P05") throw e;
    r.prepare = false;
    return r.pool.query(config(r, q));
  }
}

/** A statement whose rows nobody reads; the number of rows it changed. */
export async function execute(db: Db | Tx, q: Sql): Promise<number> {
  const r = pools.get(db);
  if (!r) return (db as Db).$executeRawUnsafe(q.text, ...q.values);
  return (await run(r, q)).rowCount ?? 0;
}

/**
 * A unique constraint refused the write, however it was sent: Prisma's typed client (P2002), a
 * raw statement through Prisma (P2010 carrying the driver's 23505), or the pool directly (23505).
 */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
  } | null;
  if (!err) return false;
  if (err.code === "P2002" || err.code === "23505") return true;
  return err.code === "P2010" && err.meta?.driverAdapterError?.cause?.originalCode === "23505";
}
