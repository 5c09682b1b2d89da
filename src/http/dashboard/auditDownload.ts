import { recordAudit } from "../../db/queries/audit.ts";
import type { Kit } from "./types.ts";

/** Every download from the dashboard is an audit row: who took which file of what. */
export async function auditDownload(
  kit: Kit,
  actorId: string,
  file: string,
  subject: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(kit.db, {
    actorId,
    action: "dashboard.download",
    subject,
    details: { file, ...details },
  });
}
