import { createNotifier, type Notifier } from "../app/notifier.ts";
import { competitionById, StatusError } from "../app/status/competitionData.ts";
import { readTable } from "../app/status/readTable.ts";
import { importStages, notifyStageChange, setStage, type TemplateOf } from "../app/status/setStage.ts";
import { createConfig } from "../config.ts";
import type { Db } from "../db/createDatabase.ts";
import type { Logger } from "../logger.ts";
import { type CliIo, confirmAction, UsageError, withDatabase } from "./cliContext.ts";

/** What the status, scores and units commands need besides the database (tests pass fakes). */
export interface CliDeps {
  notifier?: (db: Db) => Notifier;
  logger?: Logger;
}

/**
 * Notifications from the CLI are written to the outbox, like every message the bot starts
 * itself: the running bot's dispatcher sends them on each person's channel (WhatsApp too), at
 * the platform's pace, after quiet hours.
 */
export function cliNotifier(io: CliIo, deps: CliDeps, db: Db): { notifier: Notifier; note?: string } {
  if (deps.notifier) return { notifier: deps.notifier(db) };
  const config = createConfig(io.env);
  return {
    notifier: createNotifier({ db, quietHours: config.broadcast.quietHours }),
    note: "note: queued in the outbox; the running bot sends them (progress: klinik broadcast report <id>)",
  };
}

export function templateLoader(db: Db): TemplateOf {
  const cache = new Map<string, Awaited<ReturnType<TemplateOf>>>();
  return async (id) => {
    if (!cache.has(id)) cache.set(id, (await competitionById(db, id))?.template);
    return cache.get(id);
  };
}

export async function statusSet(
  io: CliIo,
  deps: CliDeps,
  a: { code?: string; stage?: string; note?: string; force?: boolean },
): Promise<void> {
  if (!a.code || !a.stage) throw new UsageError("status set needs <code> <stage>");
  await withDatabase(io, async ({ prisma: db }) => {
    const templateOf = templateLoader(db);
    const r = await setStage(db, templateOf, {
      code: a.code!,
      stage: a.stage!,
      note: a.note,
      force: a.force,
      actor: { via: "cli" },
    });
    switch (r.kind) {
      case "notFound":
        throw new StatusError(`unknown proposal code "${a.code}"`);
      case "unknownStage":
        throw new StatusError(
          `unknown stage "${a.stage}" (stages: ${r.template?.stages.map((s) => s.key).join(", ") ?? "-"})`,
        );
      case "same":
        io.out(`${r.code} is already at ${r.stage}; nothing changed.`);
        return;
      case "backwards":
        throw new StatusError(`${r.code} is at ${r.from}; going back to ${r.to} needs --force`);
      case "changed": {
        const { notifier, note } = cliNotifier(io, deps, db);
        const n = await notifyStageChange(notifier, templateOf, r.change);
        io.out(
          `${r.change.code}: ${r.change.from} → ${r.change.to}${r.change.announced ? `; notification queued for ${n} participant contact(s)` : " (stage not announced)"}.`,
        );
        if (note && r.change.announced) io.out(note);
      }
    }
  });
}

export async function statusImport(
  io: CliIo,
  deps: CliDeps,
  a: { file?: string; force?: boolean; yes?: boolean },
): Promise<void> {
  if (!a.file) throw new UsageError("status import needs a .csv or .xlsx file");
  const rows = await readTable(
    a.file,
    { code: ["kode", "proposal", "kode proposal"], stage: ["tahap"], note: ["catatan", "keterangan"] },
    ["code", "stage"],
  );
  await withDatabase(io, async ({ prisma: db }) => {
    const templateOf = templateLoader(db);
    const { changes, unchanged } = await importStages(db, templateOf, rows, {
      force: a.force,
      actor: { via: "cli" },
      beforeApply: async (plan) => {
        const announced = plan.changes.filter((c) => c.announced).length;
        io.out(
          `${plan.changes.length} stage change(s) to apply, ${plan.unchanged} already at that stage; the members of ${announced} proposal(s) will be notified.`,
        );
        for (const c of plan.changes.slice(0, 20)) io.out(`  ${c.code}: ${c.from} → ${c.to}`);
        if (plan.changes.length > 20) io.out(`  … ${plan.changes.length - 20} more`);
        if (plan.changes.length > 0)
          await confirmAction(io, a.yes, `Apply ${plan.changes.length} stage change(s)`);
      },
    });
    const { notifier, note } = cliNotifier(io, deps, db);
    let notified = 0;
    for (const c of changes) notified += await notifyStageChange(notifier, templateOf, c);
    io.out(
      `${changes.length} stage change(s) applied, ${unchanged} already at that stage; ${notified} notification(s) queued.`,
    );
    if (note && changes.some((c) => c.announced)) io.out(note);
  });
}
