import { writeFile } from "node:fs/promises";
import { formulaSafeCsv } from "../app/exporting/formulaSafeCsv.ts";
import { proposalRows } from "../app/exporting/proposalRows.ts";
import { competitionBySlug } from "../app/status/competitionData.ts";
import { STUCK_DAYS, summarize } from "../app/status/report.ts";
import { ticketReport } from "../app/tickets/ticketReport.ts";
import { heaviestContacts, usageByPurpose } from "../db/queries/llmUsage.ts";
import { loadProposalRows } from "../db/queries/proposalRows.ts";
import { releasedTotals } from "../db/queries/scoreResults.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";
import { provisionalLines } from "./provisionalNotes.ts";
import { releasedLines } from "./releasedLines.ts";

/** `klinik report --competition <slug> [--csv <file>]`: the secretariat's summary; the CSV lists every proposal. */
export async function reportCommand(
  io: CliIo,
  a: { competition?: string; csv?: string },
  now = new Date(),
): Promise<void> {
  if (!a.competition) throw new UsageError("report needs --competition <slug>");
  await withDatabase(io, async ({ prisma: db }) => {
    const competition = await competitionBySlug(db, a.competition);
    const report = summarize(await loadProposalRows(db, competition.id), competition.template, now);
    io.out(`${competition.name} (${competition.slug}): ${report.total} proposal(s)`);
    io.out("Per stage:");
    for (const s of report.perStage)
      io.out(`  ${s.key.padEnd(24)} ${String(s.n).padStart(6)}  ${s.label.en}`);
    io.out("Readiness:");
    for (const b of report.readiness) io.out(`  ${b.range.padEnd(8)} ${String(b.n).padStart(6)}`);
    io.out(
      `Units with incomplete sections: ${report.incompleteUnits} (${report.incompleteProposals} proposal(s))`,
    );
    const { withSk, withVideo, files } = report.attachments;
    io.out(
      `Attachments: SK Tim Inovator on ${withSk} of ${report.total} proposal(s), video link on ${withVideo}, ${files} file(s) in all`,
    );
    for (const line of releasedLines(competition.template, await releasedTotals(db, competition.id)))
      io.out(line);
    io.out(`Stuck (no activity for ${STUCK_DAYS} days, readiness < 100): ${report.stuck.length}`);
    for (const r of report.stuck.slice(0, 20))
      io.out(
        `  ${r.code}  ${r.unit}  ${r.readiness}%  last active ${r.lastActive?.toISOString().slice(0, 10) ?? "never"}`,
      );
    if (report.stuck.length > 20)
      io.out(`  … ${report.stuck.length - 20} more${a.csv ? "" : " (use --csv <file> for all)"}`);
    const tickets = await ticketReport(db, competition.id, competition.template);
    const median = tickets.medianFirstAnswerHours;
    io.out(
      `Tickets: ${tickets.open} open; median time to first answer ${median === null ? "-" : `${median.toFixed(1)} h`} (${tickets.answered} answered)`,
    );
    for (const c of tickets.appealsByCriterion)
      io.out(
        `  appeals ${c.key.padEnd(22)} ${String(c.appeals).padStart(4)} (${c.accepted} accepted)  ${c.name}`,
      );
    if (a.csv) {
      const table = proposalRows(report, { language: "en", details: true });
      await writeFile(a.csv, formulaSafeCsv(table.header, table.rows));
      io.out(`Wrote ${report.rows.length} row(s) to ${a.csv}.`);
    }
    for (const line of provisionalLines(competition.template)) io.out(line);
  });
}

/**
 * `klinik report llm-usage [--competition <slug>] [--days <n>]`: LLM calls and tokens per
 * purpose and model, and the ten heaviest contacts (ids only), over the last n days (default 30).
 */
export async function llmUsageReport(
  io: CliIo,
  a: { competition?: string; days?: string },
  now = new Date(),
): Promise<void> {
  const days = a.days === undefined ? 30 : Number(a.days);
  if (!Number.isInteger(days) || days < 1)
    throw new UsageError("--days must be a whole number of days, 1 or more");
  await withDatabase(io, async ({ prisma: db }) => {
    const competitionId = a.competition ? (await competitionBySlug(db, a.competition)).id : undefined;
    const filter = { since: new Date(now.getTime() - days * 86_400_000), competitionId };
    const byPurpose = await usageByPurpose(db, filter);
    io.out(`LLM usage, last ${days} day(s)${a.competition ? ` in ${a.competition}` : ""}:`);
    if (byPurpose.length === 0) {
      io.out("  no calls (is OPENAI_API_KEY set?)");
      return;
    }
    io.out("  purpose            model                outcome            calls  prompt tok  completion tok");
    for (const r of byPurpose)
      io.out(
        `  ${r.purpose.padEnd(18)} ${r.model.padEnd(20)} ${r.outcome.padEnd(18)} ${String(r.calls).padStart(5)}  ${String(r.promptTokens).padStart(10)}  ${String(r.completionTokens).padStart(14)}`,
      );
    io.out("Heaviest contacts (id, calls, tokens):");
    for (const r of await heaviestContacts(db, filter, 10))
      io.out(`  ${r.contactId}  ${r.calls}  ${r.promptTokens + r.completionTokens}`);
  });
}
