import pino from "pino";
import { createCompetitionCache } from "../app/competitionCache.ts";
import { competitionBySlug } from "../app/status/competitionData.ts";
import {
  type Actor,
  answerAction,
  closeAction,
  correctAction,
  decideAction,
} from "../app/tickets/ticketActions.ts";
import { createTicketKit, type TicketKit, ticketNumber } from "../app/tickets/ticketKit.ts";
import { createConfig } from "../config.ts";
import type { Db } from "../db/createDatabase.ts";
import { ticketQueue } from "../db/queries/ticketViews.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";

/** The operator acts with the shell's rights on every competition (audit rows name no contact). */
const OPERATOR: Actor = { may: () => true };

function kitFor(io: CliIo, db: Db, now?: () => Date): TicketKit {
  const config = createConfig(io.env);
  return createTicketKit({
    db,
    competitions: createCompetitionCache(db),
    logger: pino({ level: "silent" }),
    timezone: config.timezone,
    remindHours: config.tickets.remindHours,
    quietHours: config.broadcast.quietHours,
    now,
  });
}

function numberOf(raw: string): number {
  const n = ticketNumber(raw);
  if (n === undefined) throw new UsageError(`"${raw}" is not a ticket number`);
  return n;
}

/** `klinik tickets list --competition <slug> [--status …] [--kind …]`: the queue, oldest first. */
export async function ticketsList(io: CliIo, o: { competition?: string; status?: string; kind?: string }) {
  const status = (o.status ?? "open") as "open" | "answered" | "closed" | "unclosed" | "all";
  if (!["open", "answered", "closed", "unclosed", "all"].includes(status))
    throw new UsageError("--status must be open, answered, closed, unclosed or all");
  await withDatabase(io, async ({ prisma: db }) => {
    const c = await competitionBySlug(db, o.competition);
    const rows = await ticketQueue(db, { competitionIds: [c.id], status, kind: o.kind, limit: 500 });
    io.out(`${rows.length} ticket(s) in ${c.slug} (${status}${o.kind ? `, ${o.kind}` : ""}), oldest first:`);
    for (const t of rows)
      io.out(
        `  #${t.number}  ${t.kind.padEnd(8)} ${t.status.padEnd(9)} ${t.createdAt.toISOString().slice(0, 16)}  ${t.proposal?.code ?? "-"}  ${t.criteria.join(",")}  ${JSON.stringify(t.text.slice(0, 80))}`,
      );
  });
}

function report(io: CliIo, r: { kind: string; queued?: number }, what: string): void {
  switch (r.kind) {
    case "done":
      io.out(`${what}; ${r.queued ?? 0} message(s) queued in the outbox (the running bot sends them).`);
      return;
    case "notFound":
      throw new UsageError("no such ticket");
    case "closed":
      throw new UsageError("the ticket is closed");
    case "tooLong":
      throw new UsageError("the text is too long (2,000 characters at most)");
    case "notAppeal":
      throw new UsageError("the ticket is not an appeal");
    default:
      throw new UsageError(`not done: ${r.kind}`);
  }
}

export async function ticketsAnswer(io: CliIo, number: string, o: { text?: string; save?: boolean }) {
  if (!o.text?.trim()) throw new UsageError("--text <answer> is required");
  await withDatabase(io, async ({ prisma: db }) => {
    const r = await answerAction(kitFor(io, db), OPERATOR, {
      number: numberOf(number),
      text: o.text!.trim(),
      save: o.save,
    });
    report(io, r, `Answered #${number}${o.save ? " (saved for similar questions)" : ""}`);
  });
}

export async function ticketsClose(io: CliIo, number: string) {
  await withDatabase(io, async ({ prisma: db }) => {
    report(io, await closeAction(kitFor(io, db), OPERATOR, numberOf(number)), `Closed #${number}`);
  });
}

/** `klinik tickets decide <n> --accept|--reject --note <text> [--correct criterion=value …]`. */
export async function ticketsDecide(
  io: CliIo,
  number: string,
  o: { accept?: boolean; reject?: boolean; note?: string; correct?: string[]; judge?: string },
) {
  if (Boolean(o.accept) === Boolean(o.reject))
    throw new UsageError("give exactly one of --accept or --reject");
  if (!o.note?.trim()) throw new UsageError("--note <explanation> is required (the participant reads it)");
  if (o.correct?.length && !o.accept) throw new UsageError("--correct needs --accept");
  const corrections = (o.correct ?? []).map((c) => {
    const m = /^([a-z0-9_-]+)=(\d+(?:[.,]\d+)?)$/i.exec(c);
    if (!m) throw new UsageError(`--correct ${c}: use criterion=value, e.g. kebaruan=85`);
    return { criterion: m[1]!, value: Number(m[2]!.replace(",", ".")) };
  });
  await withDatabase(io, async ({ prisma: db }) => {
    const kit = kitFor(io, db);
    const n = numberOf(number);
    report(
      io,
      await decideAction(kit, OPERATOR, { number: n, accepted: Boolean(o.accept), note: o.note!.trim() }),
      `Decided #${n} (${o.accept ? "accepted" : "rejected"})`,
    );
    for (const c of corrections) {
      const r = await correctAction(kit, OPERATOR, { number: n, ...c, judge: o.judge });
      if (r.kind !== "corrected")
        throw new UsageError(
          `correction ${c.criterion} not made: ${r.kind}${"criteria" in r ? ` (criteria: ${r.criteria.join(", ")})` : ""}${"min" in r ? ` (${r.min}..${r.max})` : ""}`,
        );
      io.out(
        `Corrected ${r.criterion} to ${c.value}: new total ${r.total === null ? "-" : r.total.toFixed(1)}; the result is released again.`,
      );
    }
  });
}
