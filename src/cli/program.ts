import { Command } from "commander";
import { register as audit } from "./commands/audit.ts";
import { register as broadcast } from "./commands/broadcast.ts";
import { register as check } from "./commands/check.ts";
import { register as competition } from "./commands/competition.ts";
import { register as db } from "./commands/db.ts";
import { register as proposal } from "./commands/proposal.ts";
import { register as report } from "./commands/report.ts";
import { register as scores } from "./commands/scores.ts";
import { register as staff } from "./commands/staff.ts";
import { register as status } from "./commands/status.ts";
import { register as template } from "./commands/template.ts";
import { register as tickets } from "./commands/tickets.ts";
import type { CliContext, RegisterCommands } from "./commands/types.ts";
import { register as units } from "./commands/units.ts";
import { register as whatsapp } from "./commands/whatsapp.ts";

/** Every command group, in the order `klinik --help` lists them. A new group is one file and one line here. */
const GROUPS: RegisterCommands[] = [
  db,
  template,
  competition,
  units,
  staff,
  status,
  scores,
  report,
  tickets,
  proposal,
  check,
  broadcast,
  whatsapp,
  audit,
];

/**
 * The `klinik` program: a fresh commander tree per run (commander keeps parsed state on the
 * objects). Unknown options, missing values and unknown commands are errors naming them;
 * nothing calls process.exit here — runCli turns commander's errors into exit codes.
 */
export function createProgram(ctx: CliContext): Command {
  const program = new Command("klinik")
    .description(
      "Operator commands of Klinik Inovasi (they use DATABASE_URL / DATA_DIR from the environment or .env)",
    )
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError("(add --help for the command's options and an example)")
    .configureOutput({
      writeOut: (s) => ctx.io.out(s.trimEnd()),
      writeErr: (s) => ctx.io.err(s.trimEnd()),
      outputError: (s, write) => write(s.replace(/^error: /, "klinik: ")),
    });
  for (const registerGroup of GROUPS) registerGroup(program, ctx);
  for (const group of program.commands)
    if (group.commands.length > 0)
      group.addHelpText(
        "after",
        `\nEach command has its own options and an example: klinik ${group.name()} <command> --help`,
      );
  return program;
}
