/**
 * Creates a Prisma migration offline: `npm run db:migration -- <name>`.
 * Uses Prisma's own schema engine compiled to WebAssembly with an in-memory PGlite as the shadow
 * database, so the SQL is exactly what `prisma migrate dev` would write (see
 * ../shared/notes/prisma-offline.md and docs/decisions/0002-prisma-offline.md).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

const name = (process.argv[2] ?? "")
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}
const root = join(dirname(new URL(import.meta.url).pathname), "..");
const migrationsDir = join(root, "prisma", "migrations");
const schemaPath = join(root, "prisma", "schema.prisma");
const lockPath = join(migrationsDir, "migration_lock.toml");
mkdirSync(migrationsDir, { recursive: true });
if (!existsSync(lockPath)) writeFileSync(lockPath, 'provider = "postgresql"\n');

const require = createRequire(import.meta.url);
const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
const WA = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (b: Uint8Array) => object;
      Instance: new (m: object, i: object) => { exports: unknown };
    };
  }
).WebAssembly;
const module = new WA.Module(readFileSync(wasmPath));
const instance = new WA.Instance(module, { "./schema_engine_bg.js": bg as never });
(bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
(instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();

// The in-process PGlite adapter is used here only: @prisma/adapter-pg cannot decode the "char"
// catalog columns the engine reads when describing a schema. The shadow database is in memory.
const factory = new PrismaPGlite(await PGlite.create("memory://"));
const existing = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(migrationsDir, d.name, "migration.sql")))
  .map((d) => d.name)
  .sort();
const engine = await bg.SchemaEngine.new(
  { datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] } as never,
  () => {},
  bindMigrationAwareSqlAdapterFactory(factory as never),
);
const result = (await engine.diff({
  from: {
    tag: "migrations",
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: readFileSync(lockPath, "utf8") },
    shadowDbInitScript: "",
    migrationDirectories: existing.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(join(migrationsDir, d, "migration.sql"), "utf8") },
      },
    })),
  },
  to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
  script: true,
  exitCode: true,
  filters: { externalTables: [], externalEnums: [] },
} as never)) as { stdout: string; exitCode: number };

const sql = result.stdout;
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log("No schema changes: nothing to migrate.");
} else {
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "migration.sql"), sql);
  console.log(`Created ${dir}/migration.sql`);
}
process.exit(0);
