import { competitionCreate, competitionList, seedDemoCommand } from "../competitionCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik competition list|create` and `klinik seed demo` */
export const register: RegisterCommands = (program, { io }) => {
  const competition = program.command("competition").description("competitions (rounds)");
  competition
    .command("list")
    .description("every competition with its template, deadline and proposal count")
    .addHelpText("after", examples("competition list"))
    .action(() => competitionList(io));
  competition
    .command("create")
    .description("a new competition from a bundled template")
    .option("--template <id>", "bundled template id, e.g. kipp-2023-umum")
    .option("--name <text>", "the competition's name")
    .option("--deadline <YYYY-MM-DD>", "submission deadline (23:59 WIB)")
    .option("--slug <s>", "short name used by other commands (default: from --name)")
    .option("--force", "create it even though the deadline has passed (it is created closed)")
    .addHelpText(
      "after",
      examples('competition create --template kipp-2023-umum --name "KIPP 2027" --deadline 2027-05-06'),
    )
    .action((o: { template?: string; name?: string; deadline?: string; slug?: string; force?: boolean }) =>
      competitionCreate(io, o),
    );
  program
    .command("seed")
    .description("demo data")
    .command("demo")
    .description("add the demo competition (PostgreSQL is never seeded otherwise)")
    .addHelpText("after", examples("seed demo"))
    .action(() => seedDemoCommand(io));
};
