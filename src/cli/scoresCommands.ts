import { competitionBySlug } from "../app/status/competitionData.ts";
import { declareConflict, importScores, SCORE_COLUMNS, SCORE_REQUIRED } from "../app/status/importScores.ts";
import { readTable } from "../app/status/readTable.ts";
import { notifyRelease, releaseScores } from "../app/status/releaseScores.ts";
import { type CliIo, confirmAction, UsageError, withDatabase } from "./cliContext.ts";
import { type CliDeps, cliNotifier } from "./statusCommands.ts";

export async function scoresImport(
  io: CliIo,
  a: { file?: string; competition?: string; stage?: string; dryRun?: boolean },
): Promise<void> {
  if (!a.file) throw new UsageError("scores import needs a .csv or .xlsx file");
  if (!a.competition || !a.stage)
    throw new UsageError("scores import needs --competition <slug> --stage <stage>");
  const rows = await readTable(a.file, SCORE_COLUMNS, SCORE_REQUIRED);
  await withDatabase(io, async ({ prisma: db }) => {
    const competition = await competitionBySlug(db, a.competition);
    const r = await importScores(db, competition, a.stage!, rows, { dryRun: a.dryRun, file: a.file });
    const what = `${r.scores} score(s) for ${r.proposals} proposal(s), ${r.conflicts} conflict declaration(s)`;
    io.out(
      r.applied
        ? `Imported ${what}.`
        : `Dry run: all ${rows.length} row(s) valid; would import ${what}. Nothing was changed.`,
    );
    if (r.alreadyReleased && r.applied)
      io.out(
        `note: ${a.stage} was released before; participants see the new figures after: klinik scores release --competition ${competition.slug} --stage ${a.stage}`,
      );
  });
}

export async function scoresConflict(io: CliIo, a: { code?: string; judge?: string }): Promise<void> {
  if (!a.code || !a.judge) throw new UsageError("scores conflict needs <code> <judge>");
  await withDatabase(io, async ({ prisma: db }) => {
    const r = await declareConflict(db, a.code!, a.judge!);
    io.out(
      r.created
        ? `Conflict declared: ${a.judge} does not count for ${r.code}.`
        : `Already declared: ${a.judge} for ${r.code}.`,
    );
  });
}

/** `klinik scores release`: freezes and publishes the stage's results, then tells the participants. */
export async function scoresRelease(
  io: CliIo,
  deps: CliDeps,
  a: { competition?: string; stage?: string; totalsOnly?: boolean; withComments?: boolean; yes?: boolean },
): Promise<void> {
  if (!a.competition || !a.stage)
    throw new UsageError("scores release needs --competition <slug> --stage <stage>");
  if (a.totalsOnly && a.withComments)
    throw new UsageError("--totals-only and --with-comments exclude each other");
  await withDatabase(io, async ({ prisma: db }) => {
    const competition = await competitionBySlug(db, a.competition);
    const r = await releaseScores(db, competition, a.stage!, {
      totalsOnly: a.totalsOnly,
      withComments: a.withComments,
      beforeApply: async (plan) => {
        const shown = a.totalsOnly ? "totals only" : a.withComments ? "criteria and comments" : "criteria";
        io.out(
          `Release ${a.stage} of ${competition.slug}: ${plan.results} proposal result(s) (${shown}); their participants are notified.`,
        );
        await confirmAction(io, a.yes, `Release ${a.stage} of ${competition.slug}`);
      },
    });
    io.out(
      `Released ${a.stage} of ${competition.slug}: ${r.results} proposal result(s)${r.unscored ? `, ${r.unscored} proposal(s) without scores` : ""}.`,
    );
    if (r.incomplete.length)
      io.out(
        `warning: ${r.incomplete.length} proposal(s) lack a score for some criterion (total re-weighted): ${r.incomplete.slice(0, 20).join(", ")}`,
      );
    const { notifier, note } = cliNotifier(io, deps, db);
    const n = await notifyRelease(notifier, competition, a.stage!, r);
    io.out(`Notification queued for ${n} participant contact(s).`);
    if (note) io.out(note);
  });
}
