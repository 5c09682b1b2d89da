import { createConfig, loadDotEnv } from "../config.ts";
import { KlinikError } from "../core/errors.ts";
import { createDatabase, type Database } from "../db/createDatabase.ts";
import { withOperator } from "../db/withOperator.ts";

/** Thrown for wrong arguments: printed as one line with the usage, exit code 2. */
export class UsageError extends KlinikError {
  override readonly name = "UsageError";
}

/** The operator answered "no" at an interactive confirmation: nothing was done, exit code 1. */
export class CancelledError extends KlinikError {
  override readonly name = "CancelledError";
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  /**
   * Asks a yes/no question on the terminal. Present only when stdin is a terminal: without it,
   * a command that sends or deletes runs only with --yes.
   */
  ask?: (question: string) => Promise<boolean>;
  /** Input lines for commands that read stdin (`check --jsonl`); process.stdin when absent. */
  stdin?: AsyncIterable<string>;
  /** Who runs the command (the OS user, or --as <name>); recorded on every audit entry it writes. */
  operator?: string;
}

/** Opens the configured database for one command and always closes it. */
export async function withDatabase<T>(io: CliIo, fn: (db: Database) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = createConfig(io.env);
  const db = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(io.operator ? { ...db, prisma: withOperator(db.prisma, io.operator) } : db);
  } finally {
    await db.close();
  }
}

/**
 * The gate before a command sends messages or deletes data: the plan has been printed; --yes
 * goes on, a terminal is asked, anything else (a script, a pipe, cron) is refused naming --yes.
 */
export async function confirmAction(io: CliIo, yes: boolean | undefined, what: string): Promise<void> {
  if (yes) return;
  if (!io.ask)
    throw new UsageError(`${what}: not done. stdin is not a terminal; run again with --yes to confirm`);
  if (!(await io.ask(`${what}? [y/N] `))) throw new CancelledError(`${what}: cancelled, nothing was done`);
}
