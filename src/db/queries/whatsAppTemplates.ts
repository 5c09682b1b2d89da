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
