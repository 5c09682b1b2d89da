import { competitionCreate, competitionList, seedDemoCommand } from "../competitionCommands.ts";
import { applyTemplateSpecs, checkTemplateSpecs } from "../whatsAppTemplatesCommand.ts";
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
    .option(
      "--whatsapp-template <purpose=name:lang[:params]>",
      "approved Cloud API template for announcement, reminder or notification; repeatable",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .addHelpText(
      "after",
      examples('competition create --template kipp-2023-umum --name "KIPP 2027" --deadline 2027-05-06'),
    )
    .action(
      async (o: {
        template?: string;
        name?: string;
        deadline?: string;
        slug?: string;
        force?: boolean;
        whatsappTemplate?: string[];
      }) => {
        // Templates are checked (against WhatsApp Manager when configured) before anything is created.
        if (o.whatsappTemplate?.length) await checkTemplateSpecs(io, o.whatsappTemplate);
        await competitionCreate(io, o);
        if (o.whatsappTemplate?.length && o.name) await applyTemplateSpecs(io, o.name, o.whatsappTemplate);
      },
    );
  program
    .command("seed")
    .description("demo data")
    .command("demo")
    .description("add the demo competition (PostgreSQL is never seeded otherwise)")
    .addHelpText("after", examples("seed demo"))
    .action(() => seedDemoCommand(io));
};
