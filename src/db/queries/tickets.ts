import type { Db, Tx } from "../createDatabase.ts";

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
