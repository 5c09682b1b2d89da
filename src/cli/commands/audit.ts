import { auditCommand, cliOperator } from "../auditCommand.ts";
import { examples, type RegisterCommands } from "./types.ts";

/**
 * `klinik audit`, and the operator every command records: `--as <name>` on any command, else the
 * OS user, stamped on the audit entries it writes.
 */
export const register: RegisterCommands = (program, { io }) => {
  program.option("--as <name>", "who runs this command, for the audit trail (default: the OS user)");
  program.hook("preAction", () => {
    io.operator ??= cliOperator(io.env, program.opts<{ as?: string }>().as);
  });
  program
    .command("audit")
    .description("who did what and when (chat actions by name, CLI actions by operator)")
    .option("--competition <slug>", "only this competition")
    .option("--proposal <code>", "only this proposal")
    .option("--since <YYYY-MM-DD|days>", "from this date, or the last n days")
    .addHelpText("after", examples("audit --competition kipp-2027 --since 7", "audit --proposal KP-7Q2M"))
    .action((o: { competition?: string; proposal?: string; since?: string }) => auditCommand(io, o));
};
