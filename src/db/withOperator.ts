import type { Db } from "./createDatabase.ts";

type Json = Record<string, unknown>;

function stamp(data: unknown, operator: string): unknown {
  if (!data || typeof data !== "object") return data;
  const row = data as { details?: unknown };
  const details =
    row.details && typeof row.details === "object" && !Array.isArray(row.details)
      ? (row.details as Json)
      : {};
  return { ...row, details: { ...details, operator } };
}

/**
 * The same client, with every audit entry it writes carrying the CLI operator (the OS user, or
 * `--as <name>`): CLI actions have no chat contact as actor, yet someone ran them.
 */
export function withOperator(db: Db, operator: string): Db {
  return db.$extends({
    query: {
      auditLog: {
        async create({ args, query }) {
          return query({ ...args, data: stamp(args.data, operator) as typeof args.data });
        },
        async createMany({ args, query }) {
          const data = Array.isArray(args.data)
            ? args.data.map((d) => stamp(d, operator))
            : stamp(args.data, operator);
          return query({ ...args, data: data as typeof args.data });
        },
      },
    },
  }) as unknown as Db;
}
