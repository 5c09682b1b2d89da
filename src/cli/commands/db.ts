import { withDatabase } from "../cliContext.ts";
import { dbBackup, dbRestore, dbStatus } from "../dbCommands.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik db migrate|status|backup|restore` */
export const register: RegisterCommands = (program, { io }) => {
  const db = program.command("db").description("database migrations, backup and restore");
  db.command("migrate")
    .description("apply pending migrations")
    .addHelpText("after", examples("db migrate"))
    .action(async () => {
      await withDatabase(io, async (d) =>
        io.out(d.applied.length ? `Applied: ${d.applied.join(", ")}` : "Database is up to date."),
      );
    });
  db.command("status")
    .description("list applied and pending migrations (exit code 1 when any is pending or failed)")
    .addHelpText("after", examples("db status"))
    .action(async () => {
      await dbStatus(io);
    });
  db.command("backup")
    .description("the embedded database to a file (also while the bot runs)")
    .argument("<file>", "where to write the backup (.tar.gz)")
    .addHelpText("after", examples("db backup /backups/klinik-2026-12-01.tar.gz"))
    .action(async (file: string) => {
      await dbBackup(io, file);
    });
  db.command("restore")
    .description("replace the embedded database with a backup (staged for the next start while the bot runs)")
    .argument("<file>", "a file written by db backup")
    .addHelpText("after", examples("db restore /backups/klinik-2026-12-01.tar.gz"))
    .action(async (file: string) => {
      await dbRestore(io, file);
    });
};
