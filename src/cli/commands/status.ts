import { statusImport, statusSet } from "../statusCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik status set|import` */
export const register: RegisterCommands = (program, { io, deps }) => {
  const status = program.command("status").description("proposal stages");
  status
    .command("set")
    .description("move one proposal to a stage (members are told when the stage is announced)")
    .argument("[code]", "the proposal code")
    .argument("[stage]", "stage key or label, e.g. top99")
    .option("--note <text>", "a note shown to the participants")
    .option("--force", "allow going back to an earlier stage")
    .addHelpText("after", examples("status set KP-7Q2M9X4KTD top99 --note 'Selamat!'"))
    .action((code: string | undefined, stage: string | undefined, o: { note?: string; force?: boolean }) =>
      statusSet(io, deps, { code, stage, ...o }),
    );
  status
    .command("import")
    .description("set many stages from a table (columns: code, stage, note); notifies the members")
    .argument("[file]", "a .csv or .xlsx file")
    .option("--force", "allow going back to an earlier stage")
    .option("-y, --yes", "apply without asking (needed when stdin is not a terminal)")
    .addHelpText("after", examples("status import tahap.xlsx", "status import tahap.csv --yes"))
    .action((file: string | undefined, o: { force?: boolean; yes?: boolean }) =>
      statusImport(io, deps, { file, ...o }),
    );
};
