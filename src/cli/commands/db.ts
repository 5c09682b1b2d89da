import { DEFAULT_MIGRATIONS_DIR } from "../../db/createDatabase.ts";
import { migrationStatus } from "../../db/migrate.ts";
import { withDatabase } from "../cliContext.ts";
import { examples, type RegisterCommands } from "./types.ts";

/** `klinik db migrate|status` */
export const register: RegisterCommands = (program, { io }) => {
  const db = program.command("db").description("database migrations");
  db.command("migrate")
    .description("apply pending migrations")
    .addHelpText("after", examples("db migrate"))
    .action(async () => {
      await withDatabase(io, async (d) =>
        io.out(d.applied.length ? `Applied: ${d.applied.join(", ")}` : "Database is up to date."),
      );
    });
  db.command("status")
    .description("list applied and pending migrations")
    .addHelpText("after", examples("db status"))
    .action(async () => {
      await withDatabase(io, async (d) => {
        const s = await migrationStatus(d.url, DEFAULT_MIGRATIONS_DIR);
        io.out(`applied: ${s.applied.length}, pending: ${s.pending.length}, failed: ${s.failed.length}`);
        for (const n of s.applied) io.out(`  ✔ ${n}`);
        for (const n of s.pending) io.out(`  … ${n}`);
        for (const n of s.failed) io.out(`  ✖ ${n}`);
      });
    });
};
