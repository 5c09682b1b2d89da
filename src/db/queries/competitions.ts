import type { Db } from "../createDatabase.ts";
import type { Prisma } from "../generated/client.ts";

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

export async function competitionIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  const row = await db.competition.findUnique({ where: { slug }, select: { id: true } });
  return row?.id;
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
