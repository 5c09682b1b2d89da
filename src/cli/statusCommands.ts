import { Api } from "grammy";
import type pino from "pino";
import { createNotifier, type Notifier } from "../app/notifier.ts";
import { competitionById, StatusError } from "../app/status/competitionData.ts";
import { readTable } from "../app/status/readTable.ts";
import { importStages, notifyStageChange, setStage, type TemplateOf } from "../app/status/setStage.ts";
import { createTelegramSender } from "../channels/telegram/createTelegramSender.ts";
import { createConfig } from "../config.ts";
import type { ChannelName, ChannelSender } from "../core/messages.ts";
import type { Db } from "../db/createDatabase.ts";
import { createLogger, type Logger } from "../logger.ts";
import { type CliIo, confirmAction, UsageError, withDatabase } from "./cliContext.ts";

/** What the status, scores and units commands need besides the database (tests pass fakes). */
export interface CliDeps {
  notifier?: (db: Db) => Notifier;
  logger?: Logger;
}

/**
 * Notifications sent from the CLI go out over Telegram (the Bot API is plain HTTPS and may be
 * called from a second process). WhatsApp has one live socket, owned by the running bot, so the
 * CLI cannot use it: WhatsApp-only participants see the change with /status.
 */
export function cliNotifier(io: CliIo, deps: CliDeps, db: Db): { notifier: Notifier; note?: string } {
  if (deps.notifier) return { notifier: deps.notifier(db) };
  const config = createConfig(io.env);
  const logger = deps.logger ?? createLogger(config.logLevel);
  const senders = new Map<ChannelName, ChannelSender>();
  if (config.telegram.enabled) {
    const api = new Api(
      config.telegram.token,
      config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : undefined,
    );
    senders.set("telegram", createTelegramSender({ api, retryingApi: api, logger: logger as pino.Logger }));
  }
  const note = config.whatsapp.enabled
    ? "note: the CLI notifies over Telegram only; WhatsApp participants see the change with /status (or use /tahap in chat)"
    : senders.size === 0
      ? "note: no Telegram bot configured, so nobody was notified; participants see the change with /status"
      : undefined;
  return { notifier: createNotifier({ db, senders, logger }), note };
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
        const n = await notifyStageChange(db, notifier, templateOf, r.change);
        io.out(
          `${r.change.code}: ${r.change.from} → ${r.change.to}${r.change.announced ? `; ${n} participant contact(s) notified` : " (stage not announced)"}.`,
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
    for (const c of changes) notified += await notifyStageChange(db, notifier, templateOf, c);
    io.out(
      `${changes.length} stage change(s) applied, ${unchanged} already at that stage; ${notified} notification(s).`,
    );
    if (note && changes.some((c) => c.announced)) io.out(note);
  });
}
