import {
  broadcastCreate,
  broadcastReport,
  broadcastRetryFailed,
  remindersRun,
} from "../broadcastCommands.ts";
import { confirmAction } from "../cliContext.ts";
import { examples, type RegisterCommands } from "./types.ts";

interface CreateOptions {
  competition?: string;
  textFile?: string;
  audience?: string;
  at?: string;
  urgent?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

/** `klinik broadcast create|report|retry-failed` and `klinik reminders run` */
export const register: RegisterCommands = (program, { io }) => {
  const broadcast = program
    .command("broadcast")
    .description("announcements (queued; the running bot sends them)");
  broadcast
    .command("create")
    .description("queue an announcement: prints the audience and a preview first")
    .option("--competition <slug>", "the competition")
    .option("--text-file <file>", "a UTF-8 text file with the announcement")
    .option(
      "--audience <filters>",
      "comma-separated: all, stage:<key>, group:<key>, category:<key>, region:<name>, incomplete, channel:<name> (default all)",
    )
    .option("--at <time>", 'when to send, e.g. "2026-12-01 08:00" or "besok 08.00" (default now)')
    .option("--urgent", "send through quiet hours")
    .option("--dry-run", "count and preview only; nothing is queued")
    .option("-y, --yes", "queue without asking (needed when stdin is not a terminal)")
    .addHelpText(
      "after",
      examples(
        "broadcast create --competition kipp-2027 --text-file rapat.txt --audience stage:top99 --dry-run",
        'broadcast create --competition kipp-2027 --text-file rapat.txt --at "besok 08.00" --yes',
      ),
    )
    .action(({ yes, ...o }: CreateOptions) =>
      broadcastCreate(io, {
        ...o,
        confirm: (n) => confirmAction(io, yes, `Queue this announcement for ${n} contact(s)`),
      }),
    );
  broadcast
    .command("report")
    .description("counts and every failure with its reason")
    .argument("[id]", "the announcement id (or its first characters)")
    .addHelpText("after", examples("broadcast report 3f9a"))
    .action((id?: string) => broadcastReport(io, id));
  broadcast
    .command("retry-failed")
    .description("resend the failed deliveries only")
    .argument("[id]", "the announcement id (or its first characters)")
    .addHelpText("after", examples("broadcast retry-failed 3f9a"))
    .action((id?: string) => broadcastRetryFailed(io, id));
  program
    .command("reminders")
    .description("deadline reminders")
    .command("run")
    .description("queue the deadline reminders due now (the bot also does this every few minutes)")
    .addHelpText("after", examples("reminders run"))
    .action(() => remindersRun(io));
};
