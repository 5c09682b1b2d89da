import { llmUsageReport, reportCommand } from "../reportCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik report [--csv]` and `klinik report llm-usage` */
export const register: RegisterCommands = (program, { io }) => {
  const report = program
    .command("report")
    .description("the secretariat's summary of a competition")
    .option("--competition <slug>", "the competition")
    .option("--csv <file>", "also write every proposal to a CSV file")
    .addHelpText(
      "after",
      examples("report --competition kipp-2027 --csv rekap.csv", "report llm-usage --days 7"),
    )
    .action((o: { competition?: string; csv?: string }) => reportCommand(io, o));
  report
    .command("llm-usage")
    .description("LLM calls and tokens per purpose and model, and the heaviest contacts")
    .option("--competition <slug>", "only this competition")
    .option("--days <n>", "over the last n days (default 30)")
    .addHelpText("after", examples("report llm-usage --competition kipp-2027 --days 7"))
    .action((o: { competition?: string; days?: string }) => llmUsageReport(io, o));
};
