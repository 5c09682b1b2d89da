import type { Hono } from "hono";
import { html } from "hono/html";
import { summarize } from "../../app/status/report.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import { competitionsByIds } from "../../db/queries/competitions.ts";
import { loadProposalRows, type ProposalRow } from "../../db/queries/proposalRows.ts";
import { applyGridFilter, countBy, filterQuery, readGridFilter } from "./gridFilter.ts";
import { gridFilterForm, stageMoveControls } from "./gridParts.ts";
import { compBase, competitionFor } from "./guard.ts";
import { competitionNav, csrfField, formatDateTime, type Html, page } from "./layout.ts";
import type { Ctx, DashboardEnv, Kit } from "./types.ts";

/** Grid rows per page: the counts cover everything, the table stays light enough for a phone. */
const GRID_PAGE = 300;
const MARK_ICON = { complete: "✅", incomplete: "⚠️", empty: "⬜" } as const;

/** The home page (the viewer's competitions) and one competition's overview with the readiness grid. */
export function overviewRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  app.get("/", async (c) => {
    const t = c.get("t");
    const v = c.get("viewer");
    const ids = [...new Set(v.roles.map((r) => r.competitionId))];
    const comps = await competitionsByIds(kit.db, ids);
    const body = comps.length
      ? html`<ul>${comps.map((k) => {
          const roles = [
            v.isSecretariat(k.id) ? t.roleSecretariat : "",
            v.judgeRefs(k.id).length ? t.roleJudge : "",
          ].filter(Boolean);
          const href = v.isSecretariat(k.id) ? compBase(kit, k.slug) : `${compBase(kit, k.slug)}/menilai`;
          return html`<li><a href="${href}">${k.name}</a> <span class="muted">(${roles.join(", ")})</span></li>`;
        })}</ul>`
      : html`<p>${t.noRoles}</p>`;
    return c.html(page(c, kit, t.yourCompetitions, body));
  });

  app.get("/k/:slug", async (c) => {
    const comp = await competitionFor(c, kit, "staff");
    const v = c.get("viewer");
    if (!v.isSecretariat(comp.id)) return c.redirect(`${compBase(kit, comp.slug)}/menilai`, 303);
    const t = c.get("t");
    const locale = c.get("locale");
    const now = kit.clock();
    const rows = await loadProposalRows(kit.db, comp.id);
    const report = summarize(rows, comp.template, now);
    const filter = readGridFilter((k) => c.req.query(k));
    const shown = applyGridFilter(rows, filter, comp.template, now);
    const pages = Math.max(1, Math.ceil(shown.length / GRID_PAGE));
    const pageNo = Math.min(pages, Math.max(1, Number.parseInt(c.req.query("hal") ?? "1", 10) || 1));
    const visible = shown.slice((pageNo - 1) * GRID_PAGE, pageNo * GRID_PAGE);
    const q = filterQuery(filter);
    const pageLink = (n: number, label: string) =>
      html`<a href="${compBase(kit, comp.slug)}?${q ? `${q}&` : ""}hal=${n}">${label}</a>`;
    const pager =
      pages > 1
        ? html`<nav aria-label="${t.pages}" class="inline" style="display:flex;gap:12px;margin:8px 0">${pageNo > 1 ? pageLink(pageNo - 1, t.prevPage) : ""}<span>${t.pageOf(pageNo, pages)}</span>${pageNo < pages ? pageLink(pageNo + 1, t.nextPage) : ""}</nav>`
        : "";
    const deadline = comp.timeline.submission_deadline;
    const due = typeof deadline === "string" ? new Date(deadline) : undefined;
    const days = due ? Math.ceil((due.getTime() - now.getTime()) / 86_400_000) : undefined;
    const label = (list: { key: string; name: { id: string; en: string } }[], key: string) =>
      list.find((x) => x.key === key)?.name[locale] ?? (key || "—");
    const card = (title: string, items: [string, number][]) =>
      html`<div class="card"><h3>${title}</h3><ul>${items.map(([k, n]) => html`<li>${k}: <strong>${n}</strong></li>`)}</ul></div>`;
    const regions = countBy(rows, (r) => r.region.trim() || "—");
    const body = html`
<div class="cards">
<div class="card"><h3>${t.totalProposals}</h3><p class="big">${report.total}</p></div>
<div class="card"><h3>${t.deadline}</h3><p class="big">${days === undefined ? t.noDeadline : t.daysLeft(days)}</p><p class="muted">${due ? formatDateTime(due, locale, comp.timezone) : ""}</p></div>
${card(
  t.byStage,
  report.perStage.map((s) => [s.label[locale], s.n]),
)}
${card(
  t.byGroup,
  countBy(rows, (r) => label(comp.template.groups, r.group)),
)}
${card(
  t.byCategory,
  countBy(rows, (r) => label(comp.template.categories, r.category)),
)}
${card(t.byRegion, regions.slice(0, 12))}
${card(
  t.readinessDist,
  report.readiness.map((b) => [`${b.range}%`, b.n]),
)}
${card(t.attachments, [
  [t.withSk, report.attachments.withSk],
  [t.withVideo, report.attachments.withVideo],
  [t.filesTotal, report.attachments.files],
])}
</div>
<h2>${t.grid}</h2>
${gridFilterForm(
  c,
  comp.template,
  regions.map(([r]) => r).filter((r) => r !== "—"),
  filter,
)}
<p><span aria-live="polite">${t.shown(shown.length, rows.length)}</span> · ${t.gridLegend} ·
<a href="${compBase(kit, comp.slug)}/zip?${q}">${t.exportZip}</a></p>
<form method="post" action="${compBase(kit, comp.slug)}/tahap">${csrfField(c)}
${stageMoveControls(c, comp.template)}
${pager}${gridTable(c, kit, comp.slug, comp.template, visible)}${pager}
</form>`;
    return c.html(page(c, kit, comp.name, body, competitionNav(c, kit, comp.slug, true)));
  });
}

function gridTable(c: Ctx, kit: Kit, slug: string, template: Template, rows: ProposalRow[]): Html {
  const t = c.get("t");
  const locale = c.get("locale");
  const markText = { complete: t.markComplete, incomplete: t.markIncomplete, empty: t.markEmpty } as const;
  const sections = template.sections;
  const b = compBase(kit, slug);
  return html`<div class="tablewrap"><table class="grid">
<caption class="muted">${t.grid}</caption>
<thead><tr><th scope="col">${t.select}</th><th scope="col">${t.code}</th><th scope="col">${t.unit}</th><th scope="col">${t.stage}</th><th scope="col">${t.readiness}</th>
${sections.map((s) => html`<th scope="col" title="${s.title[locale]}">${s.title[locale]}</th>`)}<th scope="col">${t.lastActive}</th></tr></thead>
<tbody>${rows.map((r) => {
    const marks = new Map(r.marks.map((m) => m.split(":") as [string, string]));
    return html`<tr><td><input type="checkbox" name="codes" value="${r.code}" aria-label="${t.select} ${r.code}" /></td>
<th scope="row"><a href="${b}/p/${r.code}">${r.code}</a></th><td>${r.unit}<br /><span class="muted">${r.title}</span></td><td>${stageName(template, r.stage, locale)}</td><td>${r.readiness}%</td>
${sections.map((s) => {
  const m = (marks.get(s.key) ?? "empty") as keyof typeof MARK_ICON;
  const mk = m in MARK_ICON ? m : "empty";
  return html`<td class="m m-${mk}"><span aria-hidden="true">${MARK_ICON[mk]}</span><span class="sr">${markText[mk]}</span></td>`;
})}<td>${r.lastActive ? r.lastActive.toISOString().slice(0, 10) : t.never}</td></tr>`;
  })}</tbody></table></div>`;
}

export function stageName(template: Template, key: string, locale: "id" | "en"): string {
  return template.stages.find((s) => s.key === key)?.label[locale] ?? key;
}
