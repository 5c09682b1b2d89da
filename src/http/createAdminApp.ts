import { timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import type { MigrationStatus } from "../db/migrate.ts";

export interface AdminAppDeps {
  /** The bearer token the CLI reads from the control file in DATA_DIR. */
  token: string;
  /** Embedded database only: a backup of the running database. */
  dump?: () => Promise<Uint8Array>;
  migrations: () => Promise<MigrationStatus>;
}

/**
 * What the CLI asks the running bot when the bot holds the embedded database (its folder is
 * locked): a backup and the migration status. Mounted under /admin; every call needs the token.
 */
export function createAdminApp(deps: AdminAppDeps): Hono {
  const app = new Hono();
  const expected = Buffer.from(`Bearer ${deps.token}`);
  app.use(async (c, next) => {
    const given = Buffer.from(c.req.header("authorization") ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return c.body(null, 401);
    return next();
  });
  app.get("/backup", async (c) => {
    if (!deps.dump) return c.json({ error: "not the embedded database: use pg_dump" }, 409);
    const bytes = await deps.dump();
    return c.body(bytes.buffer as ArrayBuffer, 200, { "content-type": "application/gzip" });
  });
  app.get("/migrations", async (c) => c.json(await deps.migrations()));
  return app;
}
