import { loadTemplateFile } from "../../core/templates/loadTemplates.ts";
import { UsageError } from "../cliContext.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik template validate <file.json>` */
export const register: RegisterCommands = (program, { io }) => {
  program
    .command("template")
    .description("competition templates")
    .command("validate")
    .description("check a competition template")
    .argument("[file]", "the template JSON file")
    .addHelpText("after", examples("template validate prompts/templates/kipp-2023-umum.json"))
    .action((file?: string) => {
      if (!file) throw new UsageError("template validate needs a file");
      const t = loadTemplateFile(file);
      io.out(
        `${file}: valid (${t.id}: ${t.sections.length} sections, ${t.criteria.length} criteria, ${t.stages.length} stages)`,
      );
    });
};
