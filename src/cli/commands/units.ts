import { unitsImport } from "../unitsCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik units import <file> --competition <slug>` */
export const register: RegisterCommands = (program, { io }) => {
  program
    .command("units")
    .description("units and their proposals")
    .command("import")
    .description("units, proposals (codes printed) and their contacts from a table")
    .argument("[file]", "a .csv or .xlsx file")
    .option("--competition <slug>", "the competition to import into")
    .addHelpText("after", examples("units import peserta.xlsx --competition kipp-2027"))
    .action((file: string | undefined, o: { competition?: string }) =>
      unitsImport(io, { file, competition: o.competition }),
    );
};
