import type { TestDb } from "./testDb.ts";

export interface Finding {
  table: string;
  column: string;
  needle: string;
  rows: number;
}

/**
 * Looks for each needle in every column of every table of the public schema (information_schema,
 * so tables added later are scanned too), comparing the column's text form: ids in JSON, in
 * composite keys or inside longer strings are found as well.
 */
export async function findInEveryTable(db: TestDb, needles: string[]): Promise<Finding[]> {
  const columns = await db.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, ordinal_position`;
  const found: Finding[] = [];
  for (const { table_name: table, column_name: column } of columns)
    for (const needle of needles) {
      const [r] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text LIKE '%' || $1 || '%'`,
        needle,
      );
      if (r && r.n > 0) found.push({ table, column, needle, rows: r.n });
    }
  return found;
}

/** How many columns the scan covers (so a test can show it scanned something). */
export async function countColumns(db: TestDb): Promise<{ tables: number; columns: number }> {
  const [r] = await db.prisma.$queryRaw<{ tables: number; columns: number }[]>`
    SELECT count(DISTINCT table_name)::int AS tables, count(*)::int AS columns
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
  return r!;
}
