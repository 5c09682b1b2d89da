import { createConfig, loadDotEnv } from "../config.ts";
import { createDatabase, type Database } from "../db/createDatabase.ts";

/** Thrown for wrong arguments: printed as one line with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** Opens the configured database for one command and always closes it. */
export async function withDatabase<T>(io: CliIo, fn: (db: Database) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = createConfig(io.env);
  const db = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
