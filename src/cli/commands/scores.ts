import { scoresConflict, scoresImport, scoresRelease } from "../scoresCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik scores import|conflict|release` */
export const register: RegisterCommands = (program, { io, deps }) => {
  const scores = program.command("scores").description("judges' scores");
  scores
    .command("import")
    .description("judges' scores from a table (columns: code, judge, criterion, value, comment[, conflict])")
    .argument("[file]", "a .csv or .xlsx file")
    .option("--competition <slug>", "the competition")
    .option("--stage <stage>", "the scored stage")
    .option("--dry-run", "check every row, save nothing")
    .addHelpText(
      "after",
      examples("scores import nilai.xlsx --competition kipp-2027 --stage evaluasi_proposal"),
    )
    .action((file: string | undefined, o: { competition?: string; stage?: string; dryRun?: boolean }) =>
      scoresImport(io, { file, ...o }),
    );
  scores
    .command("conflict")
    .description("the judge's scores for that proposal no longer count")
    .argument("[code]", "the proposal code")
    .argument("[judge...]", "the judge as the score sheets name them")
    .addHelpText("after", examples("scores conflict KP-7Q2M9X4KTD J2"))
    .action((code: string | undefined, judge: string[]) =>
      scoresConflict(io, { code, judge: judge.join(" ") || undefined }),
    );
  scores
    .command("release")
    .description("freeze and publish a stage's results, then tell the participants")
    .option("--competition <slug>", "the competition")
    .option("--stage <stage>", "the scored stage")
    .option("--totals-only", "participants see their total and rank only")
    .option("--with-comments", "participants also see the judges' comments")
    .option("-y, --yes", "release without asking (needed when stdin is not a terminal)")
    .addHelpText(
      "after",
      examples("scores release --competition kipp-2027 --stage evaluasi_proposal --with-comments --yes"),
    )
    .action(
      (o: {
        competition?: string;
        stage?: string;
        totalsOnly?: boolean;
        withComments?: boolean;
        yes?: boolean;
      }) => scoresRelease(io, deps, o),
    );
};
