import { parseArgs } from "node:util";
import { StatusError } from "../app/status/competitionData.ts";
import { formatRowErrors, ImportError } from "../app/status/readTable.ts";
import { ConfigError } from "../config.ts";
import { loadTemplateFile, TemplateError } from "../core/templates/loadTemplates.ts";
import { DEFAULT_MIGRATIONS_DIR } from "../db/createDatabase.ts";
import { DatabaseError } from "../db/errors.ts";
import { migrationStatus } from "../db/migrate.ts";
import { broadcastCreate, broadcastReport, broadcastRetryFailed, remindersRun } from "./broadcastCommands.ts";
import { CheckFileError, checkCommand } from "./checkCommand.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";
import { competitionCreate, competitionList, seedDemoCommand } from "./competitionCommands.ts";
import { DocumentCommandError, exportProposals, proposalExport, proposalImport } from "./documentCommands.ts";
import { llmUsageReport, reportCommand } from "./reportCommands.ts";
import { scoresConflict, scoresImport, scoresRelease } from "./scoresCommands.ts";
import { staffAdd, staffList, staffRemove } from "./staffCommands.ts";
import { type CliDeps, statusImport, statusSet } from "./statusCommands.ts";
import { unitsImport } from "./unitsCommands.ts";
import {
  WhatsAppCommandError,
  whatsappImportAuth,
  whatsappLogout,
  whatsappStatus,
} from "./whatsappCommands.ts";

const USAGE = `Usage: klinik <command>
  db migrate                         apply pending migrations
  db status                          list applied and pending migrations
  template validate <file.json>      check a competition template
  check --template <id> --jsonl      check JSON lines {"section","text","proposal"?} from stdin
  check <file.docx|.pdf|.txt> --template <id>   the /cek view of a whole draft
  competition list
  competition create --template <id> --name <text> --deadline <YYYY-MM-DD> [--slug <s>]
  seed demo                          add the demo competition (PostgreSQL is never seeded otherwise)
  units import <file.csv|.xlsx> --competition <slug>
                                     units, proposals (codes printed) and their contacts
  staff add --competition <slug> --role secretariat|judge (--phone <n> | --telegram-id <id>)
            [--name <text>] [--judge-ref <name as in score sheets>]
  staff remove --competition <slug> --role <role> (--phone <n> | --telegram-id <id>)
  staff list [--competition <slug>]
  status set <code> <stage> [--note <text>] [--force]   --force allows going back
  status import <file.csv|.xlsx> [--force]              columns: code, stage, note
  scores import <file.csv|.xlsx> --competition <slug> --stage <stage> [--dry-run]
                                     columns: code, judge, criterion, value, comment[, conflict]
  scores conflict <code> <judge>     the judge's scores for that proposal no longer count
  scores release --competition <slug> --stage <stage> [--totals-only | --with-comments]
  report --competition <slug> [--csv <file>]
  report llm-usage [--competition <slug>] [--days <n>]   LLM calls and tokens
  proposal import <code> <file.docx|.pdf|.txt> [--dry-run]
  proposal export <code> [--format docx|txt] [--out <file or dir>]
  export proposals --competition <slug> [--format docx|csv] [--out-dir <dir>]
  broadcast create --competition <slug> --text-file <file> [--audience <filters>] [--at <time>]
                   [--urgent] [--dry-run]
                                     filters, comma-separated: all, stage:<key>, group:<key>,
                                     category:<key>, region:<name>, incomplete, channel:<name>
  broadcast report <id>              counts and every failure with its reason
  broadcast retry-failed <id>        resend the failed deliveries only
  reminders run                      queue the deadline reminders due now
  whatsapp import-auth <dir> [--force]   a Baileys auth folder (creds.json…) into the database
  whatsapp status                    is a session stored, for which number
  whatsapp logout                    forget the stored session (pair again at next start)`;

/** Runs one CLI command; returns the exit code (0 ok, 1 failure, 2 usage or configuration). */
export async function runCli(argv: string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      template: { type: "string" },
      name: { type: "string" },
      deadline: { type: "string" },
      slug: { type: "string" },
      competition: { type: "string" },
      role: { type: "string" },
      phone: { type: "string" },
      "telegram-id": { type: "string" },
      "judge-ref": { type: "string" },
      note: { type: "string" },
      stage: { type: "string" },
      csv: { type: "string" },
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      "totals-only": { type: "boolean" },
      "with-comments": { type: "boolean" },
      format: { type: "string" },
      out: { type: "string" },
      "out-dir": { type: "string" },
      audience: { type: "string" },
      "text-file": { type: "string" },
      at: { type: "string" },
      urgent: { type: "boolean" },
      days: { type: "string" },
      jsonl: { type: "boolean" },
      lang: { type: "string" },
    },
  });
  const [group, cmd, ...rest] = positionals;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const flag = (v: unknown) => v === true;
  const staffArgs = () => ({
    competition: str(values.competition),
    role: str(values.role),
    phone: str(values.phone),
    telegramId: str(values["telegram-id"]),
    name: str(values.name),
    judgeRef: str(values["judge-ref"]),
  });
  try {
    if (group === "check") {
      await checkCommand(io, { template: str(values.template), jsonl: flag(values.jsonl), file: cmd, locale: str(values.lang) });
      return 0;
    }
    switch (`${group ?? ""} ${cmd ?? ""}`.trim()) {
      case "db migrate":
        await withDatabase(io, async (db) =>
          io.out(db.applied.length ? `Applied: ${db.applied.join(", ")}` : "Database is up to date."),
        );
        return 0;
      case "db status":
        await withDatabase(io, async (db) => {
          const s = await migrationStatus(db.url, DEFAULT_MIGRATIONS_DIR);
          io.out(`applied: ${s.applied.length}, pending: ${s.pending.length}, failed: ${s.failed.length}`);
          for (const n of s.applied) io.out(`  ✔ ${n}`);
          for (const n of s.pending) io.out(`  … ${n}`);
          for (const n of s.failed) io.out(`  ✖ ${n}`);
        });
        return 0;
      case "template validate": {
        if (!rest[0]) throw new UsageError("template validate needs a file");
        const t = loadTemplateFile(rest[0]);
        io.out(
          `${rest[0]}: valid (${t.id}: ${t.sections.length} sections, ${t.criteria.length} criteria, ${t.stages.length} stages)`,
        );
        return 0;
      }
      case "competition list":
        await competitionList(io);
        return 0;
      case "competition create":
        await competitionCreate(io, {
          template: str(values.template),
          name: str(values.name),
          deadline: str(values.deadline),
          slug: str(values.slug),
        });
        return 0;
      case "seed demo":
        await seedDemoCommand(io);
        return 0;
      case "units import":
        await unitsImport(io, { file: rest[0], competition: str(values.competition) });
        return 0;
      case "staff add":
        await staffAdd(io, staffArgs());
        return 0;
      case "staff remove":
        await staffRemove(io, staffArgs());
        return 0;
      case "staff list":
        await staffList(io, { competition: str(values.competition) });
        return 0;
      case "status set":
        await statusSet(io, deps, {
          code: rest[0],
          stage: rest[1],
          note: str(values.note),
          force: flag(values.force),
        });
        return 0;
      case "status import":
        await statusImport(io, deps, { file: rest[0], force: flag(values.force) });
        return 0;
      case "scores import":
        await scoresImport(io, {
          file: rest[0],
          competition: str(values.competition),
          stage: str(values.stage),
          dryRun: flag(values["dry-run"]),
        });
        return 0;
      case "scores conflict":
        await scoresConflict(io, { code: rest[0], judge: rest.slice(1).join(" ") || undefined });
        return 0;
      case "scores release":
        await scoresRelease(io, deps, {
          competition: str(values.competition),
          stage: str(values.stage),
          totalsOnly: flag(values["totals-only"]),
          withComments: flag(values["with-comments"]),
        });
        return 0;
      case "report llm-usage":
        await llmUsageReport(io, { competition: str(values.competition), days: str(values.days) });
        return 0;
      case "report":
        await reportCommand(io, { competition: str(values.competition), csv: str(values.csv) });
        return 0;
      case "proposal import":
        await proposalImport(io, rest[0], rest[1], { dryRun: flag(values["dry-run"]) });
        return 0;
      case "proposal export":
        await proposalExport(io, rest[0], { format: str(values.format), out: str(values.out) });
        return 0;
      case "export proposals":
      case "proposals export":
        await exportProposals(io, {
          competition: str(values.competition),
          format: str(values.format),
          outDir: str(values["out-dir"]),
        });
        return 0;
      case "broadcast create":
        await broadcastCreate(io, {
          competition: str(values.competition),
          audience: str(values.audience),
          textFile: str(values["text-file"]),
          at: str(values.at),
          urgent: flag(values.urgent),
          dryRun: flag(values["dry-run"]),
        });
        return 0;
      case "broadcast report":
        await broadcastReport(io, rest[0]);
        return 0;
      case "broadcast retry-failed":
        await broadcastRetryFailed(io, rest[0]);
        return 0;
      case "reminders run":
        await remindersRun(io);
        return 0;
      case "whatsapp import-auth":
        await whatsappImportAuth(io, rest[0], { force: flag(values.force) });
        return 0;
      case "whatsapp status":
        await whatsappStatus(io);
        return 0;
      case "whatsapp logout":
        await whatsappLogout(io);
        return 0;
      default:
        io.err(USAGE);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      io.err(`klinik: ${e.message}`);
      return 2;
    }
    if (e instanceof ImportError) {
      io.err(`klinik: ${e.message}`);
      for (const line of formatRowErrors(e.errors)) io.err(`  ${line}`);
      return 1;
    }
    if (
      e instanceof TemplateError ||
      e instanceof DatabaseError ||
      e instanceof StatusError ||
      e instanceof DocumentCommandError ||
      e instanceof CheckFileError ||
      e instanceof WhatsAppCommandError
    ) {
      io.err(`klinik: ${e.message}`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      io.err(`klinik: file not found: ${(e as NodeJS.ErrnoException).path}`);
      return 1;
    }
    throw e;
  }
}

if (
  (process.argv[1] && /cli[\\/]main\.ts$|klinik(\.mjs)?$/.test(process.argv[1])) ||
  import.meta.url === `file://${process.argv[1]}`
) {
  const io: CliIo = {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`klinik: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
