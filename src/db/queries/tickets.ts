import type { Db } from "../createDatabase.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A ticket as the routes, the CLI and the dashboard show it, with its proposal beside it. */
export interface TicketView {
  id: string;
  number: number;
  competitionId: string;
  proposalId: string | null;
  contactId: string | null;
  channel: string;
  kind: string;
  stage: string | null;
  criteria: string[];
  text: string;
  status: string;
  decision: string | null;
  createdAt: Date;
  firstAnsweredAt: Date | null;
  closedAt: Date | null;
  remindedAt: Date | null;
  proposal: { code: string; title: string; unitId: string; unitName: string } | null;
}

const ticketSelect = {
  id: true,
  number: true,
  competitionId: true,
  proposalId: true,
  contactId: true,
  channel: true,
  kind: true,
  stage: true,
  criteria: true,
  text: true,
  status: true,
  decision: true,
  createdAt: true,
  firstAnsweredAt: true,
  closedAt: true,
  remindedAt: true,
} as const;

type TicketRow = Omit<TicketView, "proposal">;

/** Attaches each ticket's proposal (code, title, unit) in one query. */
async function withProposals(db: Db | Tx, rows: TicketRow[]): Promise<TicketView[]> {
  const ids = [...new Set(rows.map((r) => r.proposalId).filter((x): x is string => x !== null))];
  const proposals = ids.length
    ? await db.proposal.findMany({
        where: { id: { in: ids } },
        select: { id: true, code: true, title: true, unitId: true, unit: { select: { name: true } } },
      })
    : [];
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return rows.map((r) => {
    const p = r.proposalId ? byId.get(r.proposalId) : undefined;
    return {
      ...r,
      proposal: p ? { code: p.code, title: p.title, unitId: p.unitId, unitName: p.unit.name } : null,
    };
  });
}

export interface NewTicket {
  competitionId: string;
  proposalId?: string;
  contactId: string;
  channel: string;
  kind: string;
  stage?: string;
  criteria?: string[];
  text: string;
  createdAt: Date;
}

export async function createTicket(db: Db, t: NewTicket): Promise<{ id: string; number: number }> {
  return db.$transaction(async (tx) => {
    const row = await tx.ticket.create({
      data: { ...t, criteria: t.criteria ?? [] },
      select: { id: true, number: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: t.contactId,
        action: "ticket.open",
        subject: `#${row.number}`,
        details: {
          kind: t.kind,
          proposalId: t.proposalId ?? null,
          stage: t.stage ?? null,
          criteria: t.criteria ?? [],
        },
        createdAt: t.createdAt,
      },
    });
    return row;
  });
}

/** Tickets the person opened since an instant (the daily limit). */
export async function countTicketsSince(db: Db, contactId: string, since: Date): Promise<number> {
  return db.ticket.count({ where: { contactId, createdAt: { gte: since } } });
}

export async function ticketByNumber(db: Db, number: number): Promise<TicketView | undefined> {
  if (!Number.isSafeInteger(number) || number <= 0 || number > 2_147_483_647) return undefined;
  const row = await db.ticket.findUnique({ where: { number }, select: ticketSelect });
  return row ? (await withProposals(db, [row]))[0] : undefined;
}

/** The person's own tickets and those of their units' proposals, newest first. */
export async function ticketsVisibleToMember(db: Db, contactId: string, limit = 20): Promise<TicketView[]> {
  const units = await db.membership.findMany({ where: { contactId }, select: { unitId: true } });
  const proposals = units.length
    ? await db.proposal.findMany({
        where: { unitId: { in: units.map((u) => u.unitId) } },
        select: { id: true },
      })
    : [];
  const rows = await db.ticket.findMany({
    where: { OR: [{ contactId }, { proposalId: { in: proposals.map((p) => p.id) } }] },
    select: ticketSelect,
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return withProposals(db, rows);
}

export interface QueueFilter {
  competitionIds: readonly string[];
  /** Default: open and answered-but-not-closed are "open" for the queue. */
  status?: "open" | "answered" | "closed" | "unclosed" | "all";
  kind?: string;
  limit?: number;
}

/** The secretariat's queue: oldest first. */
export async function ticketQueue(db: Db, f: QueueFilter): Promise<TicketView[]> {
  const status = f.status ?? "open";
  const rows = await db.ticket.findMany({
    where: {
      competitionId: { in: [...f.competitionIds] },
      ...(status === "all" ? {} : status === "unclosed" ? { status: { not: "closed" } } : { status }),
      ...(f.kind ? { kind: f.kind } : {}),
    },
    select: ticketSelect,
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
    take: f.limit ?? 50,
  });
  return withProposals(db, rows);
}

export async function ticketMessages(db: Db, ticketId: string) {
  return db.ticketMessage.findMany({
    where: { ticketId },
    select: { kind: true, text: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Adds the secretariat's answer; the first answer stamps firstAnsweredAt. */
export async function answerTicket(
  db: Db,
  a: {
    ticketId: string;
    number: number;
    authorId?: string;
    text: string;
    kind?: string;
    at: Date;
    decision?: string;
  },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.ticketMessage.create({
      data: {
        ticketId: a.ticketId,
        authorId: a.authorId,
        kind: a.kind ?? "answer",
        text: a.text,
        createdAt: a.at,
      },
    });
    await tx.ticket.updateMany({
      where: { id: a.ticketId, firstAnsweredAt: null },
      data: { firstAnsweredAt: a.at },
    });
    await tx.ticket.updateMany({
      where: { id: a.ticketId, status: "open" },
      data: { status: "answered" },
    });
    if (a.decision) await tx.ticket.update({ where: { id: a.ticketId }, data: { decision: a.decision } });
    await tx.auditLog.create({
      data: {
        actorId: a.authorId,
        action: a.decision ? "ticket.decide" : "ticket.answer",
        subject: `#${a.number}`,
        details: a.decision ? { decision: a.decision } : {},
        createdAt: a.at,
      },
    });
  });
}

export async function closeTicket(db: Db, ticketId: string, number: number, at: Date, actorId?: string) {
  await db.$transaction(async (tx) => {
    await tx.ticket.update({ where: { id: ticketId }, data: { status: "closed", closedAt: at } });
    await tx.auditLog.create({
      data: { actorId, action: "ticket.close", subject: `#${number}`, createdAt: at },
    });
  });
}

/** The appeal a proposal made at a stage, if any (one per proposal and stage). */
export async function appealOf(db: Db, proposalId: string, stage: string) {
  return db.ticket.findFirst({
    where: { proposalId, stage, kind: "banding" },
    select: { number: true },
  });
}

export async function savedAnswersOf(db: Db, competitionId: string) {
  return db.savedAnswer.findMany({
    where: { competitionId },
    select: { id: true, question: true, answer: true },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
}

export async function saveAnswer(
  db: Db,
  s: { competitionId: string; question: string; answer: string; createdById?: string },
): Promise<void> {
  await db.savedAnswer.create({ data: s, select: { id: true } });
}

export async function readTicketDraft(db: Db, contactId: string): Promise<unknown> {
  const row = await db.ticketDraft.findUnique({ where: { contactId }, select: { state: true } });
  return row?.state;
}

export async function writeTicketDraft(db: Db, contactId: string, state: object): Promise<void> {
  await db.ticketDraft.upsert({
    where: { contactId },
    create: { contactId, state },
    update: { state },
    select: { contactId: true },
  });
}

/** The person's stored dialogue state (raw JSON), to read the choices the dialogue last offered. */
export { dialogueStateOf } from "./dialogueStates.ts";

export async function dropTicketDraft(db: Db, contactId: string): Promise<void> {
  await db.ticketDraft.deleteMany({ where: { contactId } });
}

/** Open tickets (never answered) not yet reminded about, created before `before`. */
export async function unremindedOpenTickets(db: Db, before: Date, limit = 500): Promise<TicketView[]> {
  const rows = await db.ticket.findMany({
    where: { status: "open", firstAnsweredAt: null, remindedAt: null, createdAt: { lt: before } },
    select: ticketSelect,
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  return withProposals(db, rows);
}

/** Claims the reminder of a ticket: true once, whatever the number of bot processes. */
export async function markReminded(db: Db, ticketId: string, at: Date): Promise<boolean> {
  const r = await db.ticket.updateMany({
    where: { id: ticketId, remindedAt: null },
    data: { remindedAt: at },
  });
  return r.count === 1;
}

/** Contacts holding the secretariat role of a competition. */
export async function secretariatContacts(db: Db, competitionId: string): Promise<string[]> {
  const rows = await db.staffRole.findMany({
    where: { competitionId, role: "secretariat" },
    select: { contactId: true },
  });
  return rows.map((r) => r.contactId);
}

/** Figures for the report and the dashboard: open tickets, time to first answer, contested criteria. */
export async function ticketFigures(db: Db, competitionId: string) {
  const [open, answered, appeals] = await Promise.all([
    db.ticket.count({ where: { competitionId, status: "open" } }),
    db.ticket.findMany({
      where: { competitionId, firstAnsweredAt: { not: null } },
      select: { createdAt: true, firstAnsweredAt: true },
    }),
    db.ticket.findMany({
      where: { competitionId, kind: "banding" },
      select: { criteria: true, decision: true },
    }),
  ]);
  return {
    open,
    answerTimesMs: answered.map((a) => a.firstAnsweredAt!.getTime() - a.createdAt.getTime()),
    appeals,
  };
}

/** /hapusdata: tickets stay with the unit, attributed to nobody; the person's draft goes. */
export async function eraseTicketRows(tx: Tx, contactId: string): Promise<void> {
  await tx.ticket.updateMany({ where: { contactId }, data: { contactId: null, channel: "" } });
  await tx.ticketMessage.updateMany({ where: { authorId: contactId }, data: { authorId: null } });
  await tx.savedAnswer.updateMany({ where: { createdById: contactId }, data: { createdById: null } });
  await tx.ticketDraft.deleteMany({ where: { contactId } });
}

/** A saved answer that settled a question before it became a ticket (kept for the FAQ's worth). */
export async function recordSavedAnswerAccepted(db: Db, contactId: string, savedId: string): Promise<void> {
  await db.auditLog.create({
    data: { actorId: contactId, action: "ticket.savedAnswerAccepted", subject: savedId },
    select: { id: true },
  });
}
