import type { Hono } from "hono";
import { html } from "hono/html";
import { auditPage } from "../../db/queries/auditLog.ts";
import { competitionsByIds } from "../../db/queries/competitions.ts";
import { formatDateTime, page } from "./layout.ts";
import type { DashboardEnv, Kit } from "./types.ts";

const PAGE_ROWS = 200;

/**
 * The audit log, read-only: what happened in the viewer's competitions (as secretariat), plus the
 * viewer's own actions; filter by competition, person and kind.
 */
export function auditRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  app.get("/audit", async (c) => {
    const t = c.get("t");
    const v = c.get("viewer");
    const locale = c.get("locale");
    const mine = [...new Set(v.roles.filter((r) => r.role === "secretariat").map((r) => r.competitionId))];
    const comps = await competitionsByIds(kit.db, mine);
    const slug = c.req.query("k") ?? "";
    const chosen = comps.filter((k) => !slug || k.slug === slug);
    const person = (c.req.query("person") ?? "").trim().slice(0, 100);
    const kind = (c.req.query("kind") ?? "").trim().slice(0, 60);
    const { rows, kinds } = await auditPage(kit.db, {
      viewerId: v.contactId,
      competitionIds: chosen.map((k) => k.id),
      includeOwn: !slug,
      person,
      kind,
      limit: PAGE_ROWS,
    });
    const body = html`<form class="inline" method="get" role="search" aria-label="${t.filter}">
<label>${t.competitions}<select name="k"><option value="">${t.all}</option>${comps.map((k) => html`<option value="${k.slug}" ${k.slug === slug ? "selected" : ""}>${k.name}</option>`)}</select></label>
<label>${t.person}<input type="text" name="person" value="${person}" /></label>
<label>${t.kind}<select name="kind"><option value="">${t.all}</option>${kinds.map((x) => html`<option value="${x}" ${x === kind ? "selected" : ""}>${x}</option>`)}</select></label>
<button type="submit">${t.apply}</button></form>
<div class="tablewrap"><table><thead><tr><th scope="col">${t.when}</th><th scope="col">${t.who}</th><th scope="col">${t.kind}</th><th scope="col">${t.subject}</th><th scope="col">${t.details}</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${formatDateTime(r.createdAt, locale, "Asia/Jakarta")}</td><td>${r.actorName || r.actorId || "—"}</td><td>${r.action}</td><td>${r.subject}</td><td><code>${r.details ? JSON.stringify(r.details).slice(0, 300) : ""}</code></td></tr>`)}
</tbody></table></div>`;
    return c.html(page(c, kit, t.auditTitle, body));
  });
}
