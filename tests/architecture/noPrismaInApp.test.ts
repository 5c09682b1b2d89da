import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Persistence lives in src/db/queries/<aggregate>.ts; these directories call query functions,
 * never the Prisma client's model methods or raw SQL. Each entry lists the files still allowed
 * to (none now); the list only shrinks: a listed file that no longer needs it fails too.
 * Scanning another directory is one more line here.
 */
const SCANNED: Record<string, readonly string[]> = {
  "src/app": [],
  // The dashboard and the CLI, backup and restore included (they run pg_dump / pg_restore or
  // PGlite's own dump, never the Prisma client), call query functions only.
  "src/http": [],
  "src/cli": [],
};

const ROOT = join(import.meta.dirname, "../..");

/** Model accessors of the generated client (`db.proposal`, `tx.auditLog`), from the schema. */
const MODELS = [...readFileSync(join(ROOT, "prisma/schema.prisma"), "utf8").matchAll(/^model\s+(\w+)/gm)].map(
  (m) => m[1]![0]!.toLowerCase() + m[1]!.slice(1),
);
const METHODS =
  "findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy";
const MODEL_CALL = new RegExp(`\\.\\s*(?:${MODELS.join("|")})\\s*\\.\\s*(?:${METHODS})\\s*\\(`);
const RAW_SQL = /\$(?:queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)\b/;

function callsPrisma(source: string): boolean {
  return MODEL_CALL.test(source) || RAW_SQL.test(source);
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}

describe("no Prisma outside src/db/queries", () => {
  it("recognises a client call and not a Map's", () => {
    expect(MODELS).toContain("auditLog");
    expect(callsPrisma("await tx.auditLog.create({ data })")).toBe(true);
    expect(callsPrisma("deps.db.proposal\n      .findMany({ where })")).toBe(true);
    expect(callsPrisma("await db.$queryRaw`SELECT 1`")).toBe(true);
    expect(callsPrisma("seen.delete(key); Object.create(null); await db.$transaction(fn)")).toBe(false);
  });

  for (const [dir, allowed] of Object.entries(SCANNED)) {
    it(`${dir} calls query functions only`, () => {
      const offenders = filesUnder(dir).filter(
        (f) => !allowed.includes(f) && callsPrisma(readFileSync(join(ROOT, f), "utf8")),
      );
      expect(offenders, "move these statements into src/db/queries/<aggregate>.ts").toEqual([]);
    });

    it(`${dir}: every allowed file still needs it (shrink the list)`, () => {
      const stale = allowed.filter((f) => !callsPrisma(readFileSync(join(ROOT, f), "utf8")));
      expect(stale, "remove these from the allow-list").toEqual([]);
    });
  }
});
