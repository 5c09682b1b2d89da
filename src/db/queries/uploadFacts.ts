import { normalizeTitle } from "../../core/attachments/normalizeTitle.ts";
import type { UploadFacts } from "../../core/completeness/uploadChecklist.ts";
import type { Db } from "../createDatabase.ts";
import { listAttachments } from "./attachments.ts";

/**
 * What the upload checklist reads about one proposal: its files and video link, start year and
 * group, how many proposals of the whole competition share its normalised title (counts only:
 * another unit's name never leaves this function) and how many its instansi has entered.
 */
export async function loadUploadFacts(db: Db, proposalId: string): Promise<UploadFacts | undefined> {
  const p = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      competitionId: true,
      unitId: true,
      title: true,
      group: true,
      startYear: true,
      videoUrl: true,
      unit: { select: { instansi: true } },
    },
  });
  if (!p) return undefined;
  const instansi = p.unit.instansi.trim();
  const [attachments, others, siblings] = await Promise.all([
    listAttachments(db, proposalId),
    db.proposal.findMany({
      where: { competitionId: p.competitionId, id: { not: proposalId } },
      select: { unitId: true, title: true },
    }),
    instansi
      ? db.proposal.findMany({
          where: {
            competitionId: p.competitionId,
            unit: { instansi: { equals: instansi, mode: "insensitive" } },
          },
          select: { group: true },
        })
      : Promise.resolve([]),
  ]);
  const mine = normalizeTitle(p.title);
  const same = mine ? others.filter((o) => normalizeTitle(o.title) === mine) : [];
  return {
    attachments,
    videoUrl: p.videoUrl,
    startYear: p.startYear,
    group: p.group,
    instansi,
    sameTitle: {
      otherUnits: same.filter((o) => o.unitId !== p.unitId).length,
      sameUnit: same.filter((o) => o.unitId === p.unitId).length,
    },
    instansiProposals: {
      all: siblings.length,
      sameGroup: siblings.filter((s) => s.group === p.group).length,
    },
  };
}
