import type { Command } from "commander";
import type { CliIo } from "../cliContext.ts";
import { rotateCode } from "../codeCommands.ts";
import { exportProposals, proposalExport, proposalImport } from "../documentCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik proposal import|export` and `klinik export proposals` (also `proposals export`) */
export const register: RegisterCommands = (program, { io, deps }) => {
  const proposal = program.command("proposal").description("one proposal's document");
  proposal
    .command("import")
    .description("a DOCX/PDF/TXT draft into the proposal's sections (new revisions)")
    .argument("[code]", "the proposal code")
    .argument("[file]", "a .docx, .pdf or .txt file")
    .option("--dry-run", "show which heading goes to which section, save nothing")
    .addHelpText("after", examples("proposal import KP-7Q2M9X4KTD draf.docx --dry-run"))
    .action((code: string | undefined, file: string | undefined, o: { dryRun?: boolean }) =>
      proposalImport(io, code, file, o),
    );
  proposal
    .command("export")
    .description("the proposal as a document")
    .argument("[code]", "the proposal code")
    .option("--format <format>", "docx or txt (default docx)")
    .option("--out <path>", "a file or a directory (default: current directory)")
    .option("--files <dir>", "also write the attached files (SK, supporting documents) into this directory")
    .addHelpText(
      "after",
      examples("proposal export KP-7Q2M9X4KTD --format docx --out exports/ --files exports/"),
    )
    .action((code: string | undefined, o: { format?: string; out?: string; files?: string }) =>
      proposalExport(io, code, o),
    );
  proposal
    .command("rotate-code")
    .description("give the proposal a new code (the old one stops working; the unit is told)")
    .argument("[code]", "the proposal code")
    .option("-y, --yes", "change without asking (needed when stdin is not a terminal)")
    .addHelpText("after", examples("proposal rotate-code KP-7Q2M9X4KTD --yes"))
    .action((code: string | undefined, o: { yes?: boolean }) => rotateCode(io, deps, { code, ...o }));
  exportAll(program.command("export").description("exports").command("proposals"), io);
  exportAll(program.command("proposals", { hidden: true }).command("export"), io);
};

function exportAll(c: Command, io: CliIo): void {
  c.description("every proposal of a competition, as DOCX files or one CSV")
    .option("--competition <slug>", "the competition")
    .option("--format <format>", "docx or csv (default docx)")
    .option("--out-dir <dir>", "where to write (default: current directory)")
    .addHelpText("after", examples("export proposals --competition kipp-2027 --format csv --out-dir exports"))
    .action((o: { competition?: string; format?: string; outDir?: string }) => exportProposals(io, o));
}
