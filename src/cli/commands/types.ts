import type { Command } from "commander";
import type { CliIo } from "../cliContext.ts";
import type { CliDeps } from "../statusCommands.ts";

/** What every command group receives when it registers on the program. */
export interface CliContext {
  io: CliIo;
  deps: CliDeps;
}

/** One command group (`klinik <group> …`): a file in src/cli/commands/ exporting `register`. */
export type RegisterCommands = (program: Command, ctx: CliContext) => void;

/** The "Example:" block shown at the end of a command's --help. */
export function examples(...lines: string[]): string {
  return `\nExample${lines.length > 1 ? "s" : ""}:\n${lines.map((l) => `  $ klinik ${l}`).join("\n")}`;
}
