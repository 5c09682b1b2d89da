import { type CloudTemplates, readCloudTemplates } from "../../core/whatsapp/cloudTemplates.ts";
import type { Db } from "../createDatabase.ts";

export async function loadCloudTemplates(db: Db, competitionId: string): Promise<CloudTemplates> {
  const row = await db.competition.findUnique({
    where: { id: competitionId },
    select: { whatsappTemplates: true },
  });
  return readCloudTemplates(row?.whatsappTemplates);
}

export async function saveCloudTemplates(db: Db, slug: string, templates: CloudTemplates): Promise<boolean> {
  const r = await db.competition.updateMany({ where: { slug }, data: { whatsappTemplates: templates } });
  return r.count === 1;
}

/** The templates of the competition with this slug; undefined when there is no such competition. */
export async function cloudTemplatesBySlug(db: Db, slug: string): Promise<CloudTemplates | undefined> {
  const row = await db.competition.findUnique({ where: { slug }, select: { whatsappTemplates: true } });
  return row ? readCloudTemplates(row.whatsappTemplates) : undefined;
}
