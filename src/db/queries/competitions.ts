import type { Db, Tx } from "../createDatabase.ts";
import type { Prisma } from "../generated/client.ts";

/** A competition's stored settings, template and timeline still raw JSON (the caller validates). */
export interface CompetitionRow {
  id: string;
  slug: string;
  name: string;
  template: unknown;
  timeline: unknown;
  timezone: string;
}

const rowSelect = {
  id: true,
  slug: true,
  name: true,
  template: true,
  timeline: true,
  timezone: true,
} as const;

export async function competitionRowBySlug(db: Db, slug: string): Promise<CompetitionRow | null> {
  return db.competition.findUnique({ where: { slug }, select: rowSelect });
}

export async function competitionRowById(db: Db, id: string): Promise<CompetitionRow | null> {
  return db.competition.findUnique({ where: { id }, select: rowSelect });
}

export async function competitionIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  const row = await db.competition.findUnique({ where: { slug }, select: { id: true } });
  return row?.id;
}

/** Timeline JSON (raw) and time zone of a competition. */
export async function competitionTimeline(
  db: Db,
  id: string,
): Promise<{ timeline: unknown; timezone: string } | null> {
  return db.competition.findUnique({ where: { id }, select: { timeline: true, timezone: true } });
}

/** Id and slug of every competition. */
export async function allCompetitionKeys(db: Db | Tx): Promise<{ id: string; slug: string }[]> {
  return db.competition.findMany({ select: { id: true, slug: true } });
}

/** Every competition with what each chat turn reads (template raw), newest first. */
export async function competitionViews(
  db: Db,
): Promise<{ id: string; name: string; template: unknown; timeline: unknown; isOpen: boolean }[]> {
  return db.competition.findMany({
    select: { id: true, name: true, template: true, timeline: true, isOpen: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Reminder days and time zone of the given competitions. */
export async function reminderSettings(
  db: Db,
  ids: string[],
): Promise<{ id: string; reminderDays: number[]; timezone: string }[]> {
  return db.competition.findMany({
    where: { id: { in: ids } },
    select: { id: true, reminderDays: true, timezone: true },
  });
}

/** Slug, raw template and proposal ids (by code) of a competition, for the bulk export. */
export async function competitionForExport(
  db: Db,
  slug: string,
): Promise<{ slug: string; template: unknown; proposalIds: string[] } | undefined> {
  const row = await db.competition.findUnique({
    where: { slug },
    select: { slug: true, template: true, proposals: { select: { id: true }, orderBy: { code: "asc" } } },
  });
  return row
    ? { slug: row.slug, template: row.template, proposalIds: row.proposals.map((p) => p.id) }
    : undefined;
}

export async function createCompetition(
  db: Db,
  data: {
    slug: string;
    name: string;
    templateId: string;
    template: Prisma.InputJsonValue;
    timeline: Prisma.InputJsonValue;
    isOpen: boolean;
  },
): Promise<void> {
  await db.competition.create({ data, select: { id: true } });
}

/** A competition as lists name it. */
export interface CompetitionName {
  id: string;
  slug: string;
  name: string;
}

/** Some competitions by id (the viewer's), newest first. */
export async function competitionsByIds(db: Db, ids: readonly string[]): Promise<CompetitionName[]> {
  return db.competition.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, slug: true, name: true },
    orderBy: { createdAt: "desc" },
  });
}

/** One line of `klinik competition list`. */
export interface CompetitionListing {
  slug: string;
  name: string;
  templateId: string;
  isOpen: boolean;
  timeline: unknown;
  proposals: number;
}

/** Every competition with its proposal count, newest first. */
export async function listCompetitions(db: Db): Promise<CompetitionListing[]> {
  const rows = await db.competition.findMany({
    select: {
      slug: true,
      name: true,
      templateId: true,
      isOpen: true,
      timeline: true,
      _count: { select: { proposals: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, proposals: _count.proposals }));
}

/** A competition by slug or id, its template unparsed (the caller decides how strict to be). */
export async function competitionByRef(
  db: Db,
  ref: string,
): Promise<{ id: string; name: string; timezone: string; template: unknown } | null> {
  return db.competition.findFirst({
    where: { OR: [{ slug: ref }, { id: ref }] },
    select: { id: true, name: true, timezone: true, template: true },
  });
}

/** The slug of the newest competition with this name. */
export async function newestSlugNamed(db: Db, name: string): Promise<string | undefined> {
  const c = await db.competition.findFirst({
    where: { name },
    orderBy: { createdAt: "desc" },
    select: { slug: true },
  });
  return c?.slug;
}
