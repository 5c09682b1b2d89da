import { checkCommand } from "../checkCommand.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik check --template <id> --jsonl` and `klinik check <file> --template <id>` */
export const register: RegisterCommands = (program, { io }) => {
  program
    .command("check")
    .description("rule-check answers (JSON lines on stdin) or a whole draft document, without a database")
    .argument("[file]", "a draft document: .docx, .pdf or .txt")
    .requiredOption("--template <id>", "the template to check against (e.g. kipp-2023-umum)")
    .option("--jsonl", 'read {"section","text","proposal"?} lines from stdin, write one result line each')
    .option("--lang <id|en>", "language of warnings and of the /cek view", "id")
    .addHelpText(
      "after",
      examples(
        `check --template kipp-2023-umum --jsonl < answers.jsonl`,
        "check draft.docx --template kipp-2023-umum",
      ),
    )
    .action(async (file: string | undefined, opts: { template: string; jsonl?: boolean; lang?: string }) => {
      await checkCommand(io, {
        template: opts.template,
        jsonl: opts.jsonl === true,
        file,
        locale: opts.lang,
        ...(io.stdin && { input: io.stdin }),
      });
    });
};
