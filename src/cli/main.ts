import { createInterface } from "node:readline/promises";
import { CommanderError } from "commander";
import { StatusError } from "../app/status/competitionData.ts";
import { formatRowErrors, TableImportError } from "../app/status/readTable.ts";
import { ConfigError } from "../config.ts";
import { TemplateError } from "../core/templates/loadTemplates.ts";
import { DatabaseError } from "../db/errors.ts";
import { CheckFileError } from "./checkCommand.ts";
import { CancelledError, type CliIo, UsageError } from "./cliContext.ts";
import { DocumentCommandError } from "./documentCommands.ts";
import { createProgram } from "./program.ts";
import type { CliDeps } from "./statusCommands.ts";
import { WhatsAppCommandError } from "./whatsappCommands.ts";

/** Runs one CLI command; returns the exit code (0 ok, 1 failure, 2 usage or configuration). */
export async function runCli(argv: string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  try {
    await createProgram({ io, deps }).parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CancelledError) {
      io.err(`klinik: ${e.message}`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof ConfigError) {
      io.err(`klinik: ${e.message}`);
      return 2;
    }
    if (e instanceof TableImportError) {
      io.err(`klinik: ${e.message}`);
      for (const line of formatRowErrors(e.errors)) io.err(`  ${line}`);
      return 1;
    }
    if (
      e instanceof TemplateError ||
      e instanceof DatabaseError ||
      e instanceof StatusError ||
      e instanceof DocumentCommandError ||
      e instanceof CheckFileError ||
      e instanceof WhatsAppCommandError
    ) {
      io.err(`klinik: ${e.message}`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      io.err(`klinik: file not found: ${(e as NodeJS.ErrnoException).path}`);
      return 1;
    }
    throw e;
  }
}

if (
  (process.argv[1] && /cli[\\/]main\.ts$|klinik(\.mjs)?$/.test(process.argv[1])) ||
  import.meta.url === `file://${process.argv[1]}`
) {
  const io: CliIo = {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    env: process.env,
    ask: process.stdin.isTTY ? askOnTerminal : undefined,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`klinik: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|ya|yes)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
