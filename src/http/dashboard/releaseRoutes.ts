import type { Hono } from "hono";
import { html } from "hono/html";
import { previewRelease } from "../../app/dashboard/previewRelease.ts";
import { notifyRelease, releaseScores } from "../../app/status/releaseScores.ts";
import { releaseOf } from "../../db/queries/scoreCorrections.ts";
import { compBase, competitionFor } from "./guard.ts";
import { competitionNav, csrfField, formatDateTime, page, redirectWith } from "./layout.ts";
import type { DashboardEnv, Kit } from "./types.ts";

/** Score release: the preview of totals and ranks per scored stage, then the release (audit-logged by releaseScores). */
export function releaseRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  app.get("/k/:slug/rilis", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const locale = c.get("locale");
    const scored = comp.template.stages.filter((s) => s.scored);
    const stage = scored.find((s) => s.key === c.req.query("stage")) ?? scored[0];
    if (!stage)
      return c.html(
        page(c, kit, t.release, html`<p>${t.notScoredStage}</p>`, competitionNav(c, kit, comp.slug, true)),
      );
    const [rows, done] = await Promise.all([
      previewRelease(kit.db, comp, stage.key),
      releaseOf(kit.db, comp.id, stage.key),
    ]);
    const num = new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 2 });
    const name = (list: { key: string; name: { id: string; en: string } }[], k: string) =>
      list.find((x) => x.key === k)?.name[locale] ?? k;
    const body = html`<form class="inline" method="get"><label>${t.stage}<select name="stage">${scored.map(
      (s) =>
        html`<option value="${s.key}" ${s.key === stage.key ? "selected" : ""}>${s.label[locale]}</option>`,
    )}</select></label><button type="submit">${t.apply}</button></form>
${done ? html`<p class="muted">${t.alreadyReleased(formatDateTime(done.releasedAt, locale, comp.timezone))}</p>` : ""}
<h2>${t.preview} · ${stage.label[locale]}</h2>
<div class="tablewrap"><table><thead><tr><th scope="col">${t.code}</th><th scope="col">${t.title}</th><th scope="col">${t.group}</th><th scope="col">${t.category}</th><th scope="col">${t.judges}</th><th scope="col">${t.total}</th><th scope="col">${t.rank}</th><th scope="col">${t.advances}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.code}</th><td>${r.title}</td><td>${name(comp.template.groups, r.group)}</td><td>${name(comp.template.categories, r.category)}</td><td>${r.judges}</td><td>${r.total === null ? "—" : num.format(r.total)}</td><td>${r.rank === null ? "—" : `${r.rank}/${r.rankOf}`}</td><td>${r.advances === null ? "—" : r.advances ? "✅" : "✖"}</td></tr>`)}</tbody></table></div>
<form class="inline" method="post">${csrfField(c)}<input type="hidden" name="stage" value="${stage.key}" />
<button type="submit" name="mode" value="totals">${t.releaseTotalsOnly}</button>
<button type="submit" name="mode" value="comments" class="secondary">${t.releaseWithComments}</button></form>`;
    return c.html(page(c, kit, `${t.release} · ${comp.name}`, body, competitionNav(c, kit, comp.slug, true)));
  });

  app.post("/k/:slug/rilis", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const body = await c.req.parseBody();
    const stage = comp.template.stages.find((s) => s.scored && s.key === body.stage);
    const back = `${compBase(kit, comp.slug)}/rilis`;
    if (!stage) return redirectWith(c, back, { err: t.notScoredStage });
    const withComments = body.mode === "comments";
    const r = await releaseScores(kit.db, comp, stage.key, {
      totalsOnly: !withComments,
      withComments,
      actorId: c.get("viewer").contactId,
    });
    const told = await notifyRelease(kit.notifier, comp, stage.key, r, c.get("viewer").contactId);
    return redirectWith(c, `${back}?stage=${stage.key}`, { ok: t.released(r.results, told) });
  });
}
