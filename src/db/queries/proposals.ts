import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../createDatabase.ts";
import { execute, sql } from "../sql.ts";

/** A proposal the contact may act on: one of the units they belong to. */
export async function memberProposal(
  db: Db,
  proposalId: string,
  contactId: string,
): Promise<{ id: string; code: string; competitionId: string } | undefined> {
  const p = await db.proposal.findFirst({
    where: { id: proposalId, unit: { memberships: { some: { contactId } } } },
    select: { id: true, code: true, competitionId: true },
  });
  return p ?? undefined;
}

/** A proposal as /status and /nilai show it. */
export interface ProposalStatus {
  id: string;
  code: string;
  title: string;
  unitId: string;
  competitionId: string;
  group: string;
  stage: string;
  createdAt: Date;
  events: { stage: string; createdAt: Date }[];
}

const statusSelect = {
  id: true,
  code: true,
  title: true,
  unitId: true,
  competitionId: true,
  group: true,
  stage: true,
  createdAt: true,
  events: { select: { stage: true, createdAt: true }, orderBy: { createdAt: "asc" }, take: 30 },
} as const;

/**
 * The proposals of the contact's units with their stage events, oldest first, in one round trip
 * (membership → proposals by unit → events by proposal, all on indexes): /status is asked often
 * and must stay fast with tens of thousands of proposals.
 */
export async function proposalStatusesOfContact(
  db: Db,
  contactId: string,
  limit: number,
): Promise<ProposalStatus[]> {
  const rows = await db.$queryRaw<
    (Omit<ProposalStatus, "events"> & { events: { stage: string; createdAt: string }[] | null })[]
  >`
    SELECT p.id, p.code, p.title, p."unitId", p."competitionId", p."group", p.stage, p."createdAt",
      (SELECT json_agg(json_build_object('stage', e.stage, 'createdAt', e."createdAt") ORDER BY e."createdAt")
         FROM (SELECT stage, "createdAt" FROM "StageEvent" WHERE "proposalId" = p.id ORDER BY "createdAt" LIMIT 30) e) AS events
    FROM "Membership" m JOIN "Proposal" p ON p."unitId" = m."unitId"
    WHERE m."contactId" = ${contactId}
    ORDER BY p."createdAt", p.id
    LIMIT ${limit}`;
  // json_build_object writes timestamps without a zone; they are UTC like every stored timestamp.
  return rows.map((r) => ({
    ...r,
    events: (r.events ?? []).map((e) => ({ stage: e.stage, createdAt: new Date(`${e.createdAt}Z`) })),
  }));
}

/** A proposal by its (normalised) code, as /status shows it. */
export async function proposalStatusByCode(db: Db, code: string): Promise<ProposalStatus | undefined> {
  return (await db.proposal.findUnique({ where: { code }, select: statusSelect })) ?? undefined;
}

/** Every proposal of a competition with what ranking needs, by id. */
export async function proposalsForRanking(db: Db, competitionId: string) {
  return db.proposal.findMany({
    where: { competitionId },
    select: { id: true, code: true, title: true, unitId: true, group: true, category: true },
    orderBy: { id: "asc" },
  });
}

/** Id and code of the competition's proposals with these codes. */
export async function proposalIdsByCodes(
  db: Db,
  competitionId: string,
  codes: string[],
): Promise<{ id: string; code: string }[]> {
  return db.proposal.findMany({
    where: { competitionId, code: { in: codes } },
    select: { id: true, code: true },
  });
}

/** The proposals at a stage with what judge balancing reads: category and the unit's region. */
export async function proposalsAtStage(
  db: Db,
  competitionId: string,
  stage: string,
): Promise<{ id: string; category: string; region: string }[]> {
  const rows = await db.proposal.findMany({
    where: { competitionId, stage },
    select: { id: true, category: true, unit: { select: { region: true } } },
  });
  return rows.map((p) => ({ id: p.id, category: p.category, region: p.unit.region }));
}

/** Id and code of the proposal with this (normalised) code, in any competition. */
export async function proposalIdByCode(db: Db, code: string): Promise<{ id: string; code: string } | null> {
  return db.proposal.findUnique({ where: { code }, select: { id: true, code: true } });
}

export async function proposalCodeTaken(db: Db | Tx, code: string): Promise<boolean> {
  return (await db.proposal.findUnique({ where: { code }, select: { id: true } })) !== null;
}

/** The unit's proposal in a competition with this title (any case): an imported row seen again. */
export async function unitProposalByTitle(
  tx: Tx,
  competitionId: string,
  unitId: string,
  title: string,
): Promise<{ id: string; code: string } | null> {
  return tx.proposal.findFirst({
    where: { competitionId, unitId, title: { equals: title, mode: "insensitive" } },
    select: { id: true, code: true },
  });
}

export async function setProposalGrouping(
  tx: Tx,
  proposalId: string,
  grouping: { group: string; category: string },
): Promise<void> {
  await tx.proposal.update({ where: { id: proposalId }, data: grouping, select: { id: true } });
}

/** A proposal from the secretariat's sheet, at the first stage with its stage event. */
export async function createImportedProposal(
  tx: Tx,
  p: {
    code: string;
    competitionId: string;
    unitId: string;
    title: string;
    group: string;
    category: string;
    stage: string;
    actorId?: string;
  },
): Promise<void> {
  const { actorId, ...data } = p;
  await tx.proposal.create({
    data: { ...data, events: { create: { stage: p.stage, actorId, note: "imported" } } },
    select: { id: true },
  });
}

/** These proposals, by code, with the section keys marked complete. */
export async function proposalsWithCompleteSections(
  db: Db,
  ids: string[],
): Promise<{ id: string; code: string; title: string; complete: string[] }[]> {
  const rows = await db.proposal.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      code: true,
      title: true,
      sections: { where: { mark: "complete" }, select: { sectionKey: true } },
    },
    orderBy: { code: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    complete: r.sections.map((s) => s.sectionKey),
  }));
}

export async function proposalExists(db: Db | Tx, id: string): Promise<boolean> {
  return (await db.proposal.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export async function proposalCompetitionId(db: Db, id: string): Promise<string | undefined> {
  const p = await db.proposal.findUnique({ where: { id }, select: { competitionId: true } });
  return p?.competitionId;
}

/**
 * A proposal started in chat, at its competition's first stage, with that stage's event, for the
 * unit the person named (found by name and instansi, or created) which they join: one statement,
 * inside the turn's transaction. A code taken meanwhile fails it (a unique violation).
 */
export async function createChatProposal(
  tx: Tx,
  p: {
    id: string;
    code: string;
    competitionId: string;
    unit: { name: string; instansi: string };
    title: string;
    group: string;
    category: string;
    startYear: number | null;
    stage: string;
    createdById: string;
  },
): Promise<void> {
  const now = new Date().toISOString();
  await execute(
    tx,
    sql`
    WITH unit AS (
      INSERT INTO "Unit" ("id", "name", "instansi", "kind", "region", "createdAt")
      VALUES (${randomUUID()}, ${p.unit.name}, ${p.unit.instansi}, 'PEMDA', '', ${now}::timestamp)
      ON CONFLICT ("name", "instansi") DO UPDATE SET "name" = EXCLUDED."name"
      RETURNING id
    ), member AS (
      INSERT INTO "Membership" ("contactId", "unitId", "role", "createdAt")
      SELECT ${p.createdById}, unit.id, 'member', ${now}::timestamp FROM unit
      ON CONFLICT DO NOTHING
    ), proposal AS (
      INSERT INTO "Proposal" ("id", "competitionId", "unitId", "code", "title", "group", "category",
        "startYear", "stage", "readiness", "createdById", "createdAt", "updatedAt")
      SELECT ${p.id}, ${p.competitionId}, unit.id, ${p.code}, ${p.title}, ${p.group}, ${p.category},
        ${p.startYear}::int, ${p.stage}, 0, ${p.createdById}, ${now}::timestamp, ${now}::timestamp
      FROM unit
      RETURNING id
    )
    INSERT INTO "StageEvent" ("id", "proposalId", "stage", "note", "actorId", "createdAt")
    SELECT gen_random_uuid()::text, proposal.id, ${p.stage}, 'created in chat', ${p.createdById}, ${now}::timestamp
    FROM proposal`,
  );
}
