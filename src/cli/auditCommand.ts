import { userInfo } from "node:os";
import { auditActor, auditDetails } from "../core/audit/describeAudit.ts";
import { competitionRef, listAudit, proposalRef } from "../db/queries/audit.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";

export interface AuditArgs {
  competition?: string;
  proposal?: string;
  /** YYYY-MM-DD, or a number of days ("7" = the last 7 days). */
  since?: string;
  now?: Date;
}

/**
 * `klinik audit [--competition <slug>] [--proposal <code>] [--since <YYYY-MM-DD|days>]`: who did
 * what and when, newest first; chat actions by the contact's name, CLI actions by the operator.
 */
export async function auditCommand(io: CliIo, a: AuditArgs): Promise<void> {
  const since = parseSince(a.since, a.now ?? new Date());
  await withDatabase(io, async ({ prisma: db }) => {
    const comp = a.competition ? await competitionRef(db, a.competition) : undefined;
    if (a.competition && !comp)
      throw new UsageError(`unknown competition "${a.competition}" (see: klinik competition list)`);
    const proposal = a.proposal ? await proposalRef(db, a.proposal) : undefined;
    if (a.proposal && !proposal) throw new UsageError(`unknown proposal "${a.proposal}"`);
    const rows = await listAudit(db, {
      competitionId: comp?.id,
      proposal: proposal ?? undefined,
      since,
    });
    if (rows.length === 0) {
      io.out("No recorded actions match.");
      return;
    }
    io.out("when (UTC)\twho\taction\tsubject\tdetails");
    for (const r of rows) {
      const who = auditActor(r);
      const by =
        who.kind === "cli" ? `${who.name} (cli)` : who.kind === "chat" ? `${who.name} (chat)` : "system";
      io.out(
        [
          r.at.toISOString().slice(0, 16).replace("T", " "),
          by,
          r.action,
          r.subject || "-",
          auditDetails(r.details),
        ]
          .join("\t")
          .trimEnd(),
      );
    }
  });
}

function parseSince(since: string | undefined, now: Date): Date | undefined {
  if (since === undefined) return undefined;
  if (/^\d{1,4}$/.test(since)) return new Date(now.getTime() - Number(since) * 86_400_000);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(since);
  const d = m ? new Date(`${since}T00:00:00Z`) : undefined;
  if (!d || Number.isNaN(d.getTime()))
    throw new UsageError(`--since must be a date such as 2026-12-01 or a number of days (got "${since}")`);
  return d;
}

/** The operator of a CLI run: `--as <name>`, else the OS user. */
export function cliOperator(env: Record<string, string | undefined>, as: string | undefined): string {
  if (as?.trim()) return as.trim();
  const user = env.SUDO_USER || env.USER || env.LOGNAME || env.USERNAME;
  if (user) return user;
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
