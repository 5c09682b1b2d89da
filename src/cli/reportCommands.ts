import { writeFile } from "node:fs/promises";
import { competitionBySlug } from "../app/status/competitionData.ts";
import { loadReportRows, reportCsv, STUCK_DAYS, summarize } from "../app/status/report.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";

/** `klinik report --competition <slug> [--csv <file>]`: the secretariat's summary; the CSV lists every proposal. */
export async function reportCommand(
  io: CliIo,
  a: { competition?: string; csv?: string },
  now = new Date(),
): Promise<void> {
  if (!a.competition) throw new UsageError("report needs --competition <slug>");
  await withDatabase(io, async ({ prisma: db }) => {
    const competition = await competitionBySlug(db, a.competition);
    const report = summarize(await loadReportRows(db, competition.id), competition.template, now);
    io.out(`${competition.name} (${competition.slug}): ${report.total} proposal(s)`);
    io.out("Per stage:");
    for (const s of report.perStage)
      io.out(`  ${s.key.padEnd(24)} ${String(s.n).padStart(6)}  ${s.label.en}`);
    io.out("Readiness:");
    for (const b of report.readiness) io.out(`  ${b.range.padEnd(8)} ${String(b.n).padStart(6)}`);
    io.out(
      `Units with incomplete sections: ${report.incompleteUnits} (${report.incompleteProposals} proposal(s))`,
    );
    io.out(`Stuck (no activity for ${STUCK_DAYS} days, readiness < 100): ${report.stuck.length}`);
    for (const r of report.stuck.slice(0, 20))
      io.out(
        `  ${r.code}  ${r.unit}  ${r.readiness}%  last active ${r.lastActive?.toISOString().slice(0, 10) ?? "never"}`,
      );
    if (report.stuck.length > 20)
      io.out(`  … ${report.stuck.length - 20} more${a.csv ? "" : " (use --csv <file> for all)"}`);
    if (a.csv) {
      await writeFile(a.csv, reportCsv(report));
      io.out(`Wrote ${report.rows.length} row(s) to ${a.csv}.`);
    }
  });
}
