import type { Db, Tx } from "../createDatabase.ts";

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
