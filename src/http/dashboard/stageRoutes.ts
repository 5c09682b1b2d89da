import type { Hono } from "hono";
import { notifyStageChange, setStage } from "../../app/status/setStage.ts";
import { compBase, competitionFor } from "./guard.ts";
import { redirectWith } from "./layout.ts";
import type { DashboardEnv, Kit } from "./types.ts";

const MAX_AT_ONCE = 5_000;

/**
 * Moves the ticked proposals to a stage with a note: the CLI's rules (setStage: forward only
 * unless forced, a StageEvent and an AuditLog row each), then the participants are told.
 */
export function stageRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  app.post("/k/:slug/tahap", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const v = c.get("viewer");
    const body = await c.req.parseBody({ all: true });
    const list = (x: unknown) =>
      (Array.isArray(x) ? x : x === undefined ? [] : [x]).filter((s): s is string => typeof s === "string");
    const codes = [...new Set(list(body.codes))].slice(0, MAX_AT_ONCE);
    const stage = list(body.stage)[0] ?? "";
    const note = (list(body.note)[0] ?? "").slice(0, 500);
    const force = list(body.force)[0] === "1";
    const back =
      list(body.from)[0] === "proposal" && codes.length === 1
        ? `${compBase(kit, comp.slug)}/p/${encodeURIComponent(codes[0]!)}`
        : compBase(kit, comp.slug);
    if (codes.length === 0) return redirectWith(c, back, { err: t.nothingSelected });
    const templateOf = async (id: string) => (id === comp.id ? comp.template : undefined);
    let moved = 0;
    const problems: string[] = [];
    for (const code of codes) {
      const r = await setStage(kit.db, templateOf, {
        code,
        stage,
        note,
        force,
        actor: { actorId: v.contactId, via: "dashboard" },
        mayChange: (id) => id === comp.id && v.isSecretariat(id),
      });
      if (r.kind === "changed") {
        moved++;
        await notifyStageChange(kit.notifier, templateOf, r.change, v.contactId);
      } else if (r.kind === "same") problems.push(t.stageSame(r.code));
      else if (r.kind === "backwards") problems.push(t.stageBackwards(r.code));
      else problems.push(`${code}: ${t.badInput}`);
    }
    return redirectWith(c, back, {
      ...(moved ? { ok: t.stageMoved(moved) } : {}),
      ...(problems.length ? { err: problems.slice(0, 10).join(" ") } : {}),
    });
  });
}
