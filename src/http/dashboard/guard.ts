import { HTTPException } from "hono/http-exception";
import { type CompetitionData, competitionBySlug, StatusError } from "../../app/status/competitionData.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { assignmentFor, hasConflict } from "../../db/queries/judgeAssignments.ts";
import { proposalRef } from "../../db/queries/proposalDetail.ts";
import type { Ctx, Kit } from "./types.ts";

export type Need = "secretariat" | "staff";

/**
 * The competition of the URL, if the viewer's role on it allows the page; else 403 (recorded as
 * a denied access) or 404. Every route passes through here or through a stricter check.
 */
export async function competitionFor(c: Ctx, kit: Kit, need: Need): Promise<CompetitionData> {
  const slug = c.req.param("slug") ?? "";
  let comp: CompetitionData;
  try {
    comp = await competitionBySlug(kit.db, slug);
  } catch (e) {
    if (e instanceof StatusError) throw new HTTPException(404);
    throw e;
  }
  const v = c.get("viewer");
  const ok = v.isSecretariat(comp.id) || (need === "staff" && v.judgeRefs(comp.id).length > 0);
  if (!ok) await deny(c, kit, `competition:${need}`, slug);
  return comp;
}

/** Records a refused access and answers 403. */
export async function deny(c: Ctx, kit: Kit, what: string, subject: string): Promise<never> {
  await recordAudit(kit.db, {
    actorId: c.get("viewer").contactId,
    action: "access.denied",
    subject,
    details: { what, via: "dashboard" },
  });
  throw new HTTPException(403, { message: "role" });
}

/** The base URL of one competition's pages. */
export function compBase(kit: Kit, slug: string): string {
  return `${kit.base}/k/${encodeURIComponent(slug)}`;
}

/**
 * The proposal of the URL if the viewer may open it: the competition's secretariat always; a
 * judge only when it is assigned to them and they have no conflict on it. Else 403 (recorded).
 */
export async function proposalFor(c: Ctx, kit: Kit, comp: CompetitionData) {
  const code = (c.req.param("code") ?? "").toUpperCase();
  const p = await proposalRef(kit.db, comp.id, code);
  if (!p) throw new HTTPException(404);
  const v = c.get("viewer");
  if (v.isSecretariat(comp.id)) return { proposal: p, asSecretariat: true };
  const refs = v.judgeRefs(comp.id);
  const assigned = refs.length > 0 && (await assignmentFor(kit.db, p.id, refs)) !== null;
  if (!assigned || (await hasConflict(kit.db, p.id, refs))) return deny(c, kit, "proposal", p.code);
  return { proposal: p, asSecretariat: false };
}
