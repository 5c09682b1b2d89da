import { type Context, Hono } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { z } from "zod";
import { loadAccess } from "../../app/access.ts";
import type { CompetitionCache } from "../../app/competitionCache.ts";
import { ticketReport } from "../../app/tickets/ticketReport.ts";
import { formatShortDate } from "../../core/i18n/broadcastTexts.ts";
import type { Db } from "../../db/createDatabase.ts";
import { ticketQueue } from "../../db/queries/ticketViews.ts";

export interface TicketsPageDeps {
  db: Db;
  competitions: CompetitionCache;
  timezone: string;
  /**
   * The signed-in contact of a request (the dashboard's /masuk session), or undefined. The page
   * shows only the competitions where that contact is secretariat.
   */
  viewer: (c: Context) => Promise<string | undefined> | string | undefined;
  /** Wraps the page body in the host's layout (the dashboard's header and navigation); default a bare page. */
  frame?: (c: Context, title: string, body: Html) => Html;
}

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const TITLE = "Tiket pertanyaan dan banding";

function bareFrame(_c: Context, title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}.muted{color:#666}</style></head>
<body><h1>${title}</h1>${body}</body></html>`;
}

const filterSchema = z.object({
  competition: z.string().max(100).optional(),
  status: z.enum(["open", "answered", "closed", "unclosed", "all"]).catch("unclosed").default("unclosed"),
  kind: z.enum(["status", "nilai", "teknis", "lainnya", "banding", ""]).catch("").default(""),
});

/**
 * The secretariat's ticket queue as a small Hono sub-app (plain server-rendered HTML; every value
 * interpolated through hono/html is escaped): filters by competition, status and kind, oldest
 * first, the proposal beside each ticket, and the service figures (open, median time to first
 * answer, appeals by criterion). Mount it in the dashboard, e.g. `app.route("/tiket", page)`.
 */
// biome-ignore lint/suspicious/noExplicitAny: mounted under hosts with their own context variables
export function createTicketsPage(deps: TicketsPageDeps): Hono<any> {
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const app = new Hono<any>();
  const frame = deps.frame ?? bareFrame;
  app.get("/", async (c) => {
    const contactId = await deps.viewer(c);
    if (!contactId) return c.text("Silakan masuk dulu (/masuk).", 401);
    const access = await loadAccess(deps.db, contactId);
    const mine = (await deps.competitions.all()).filter((x) => access.isSecretariat(x.id));
    if (mine.length === 0) return c.text("Halaman ini hanya untuk sekretariat kompetisi.", 403);
    const f = filterSchema.parse(c.req.query());
    const selected = mine.filter((x) => !f.competition || x.id === f.competition);
    const tickets = await ticketQueue(deps.db, {
      competitionIds: selected.map((x) => x.id),
      status: f.status,
      kind: f.kind || undefined,
      limit: 200,
    });
    const figures = await Promise.all(
      selected.map(async (x) => ({ name: x.name, r: await ticketReport(deps.db, x.id, x.template) })),
    );
    const tz = deps.timezone;
    const opt = (value: string, label: string, current: string) =>
      html`<option value="${value}" ${value === current ? "selected" : ""}>${label}</option>`;
    const body = html`${figures.map(
      ({ name, r }) => html`<p><strong>${name}</strong>: ${r.open} terbuka · median waktu jawaban pertama
  ${r.medianFirstAnswerHours === null ? "–" : `${r.medianFirstAnswerHours.toFixed(1)} jam`} (${r.answered} dijawab)
  ${r.appealsByCriterion.length ? html`· banding per kriteria: ${r.appealsByCriterion.map((a, i) => html`${i ? ", " : ""}${a.name} ${a.appeals} (${a.accepted} diterima)`)}` : ""}</p>`,
    )}
<form method="get">
  <label>Kompetisi <select name="competition">${opt("", "Semua", f.competition ?? "")}${mine.map((x) => opt(x.id, x.name, f.competition ?? ""))}</select></label>
  <label>Status <select name="status">${[
    ["unclosed", "Belum ditutup"],
    ["open", "Menunggu jawaban"],
    ["answered", "Sudah dijawab"],
    ["closed", "Ditutup"],
    ["all", "Semua"],
  ].map(([v, l]) => opt(v!, l!, f.status))}</select></label>
  <label>Jenis <select name="kind">${[
    ["", "Semua"],
    ["status", "Status"],
    ["nilai", "Nilai"],
    ["teknis", "Teknis"],
    ["lainnya", "Lainnya"],
    ["banding", "Banding"],
  ].map(([v, l]) => opt(v!, l!, f.kind))}</select></label>
  <button type="submit">Tampilkan</button>
</form>
<table><thead><tr><th>No.</th><th>Dibuka</th><th>Jenis</th><th>Status</th><th>Proposal</th><th>Pertanyaan</th></tr></thead><tbody>
${tickets.length === 0 ? html`<tr><td colspan="6" class="muted">Tidak ada tiket.</td></tr>` : ""}
${tickets.map(
  (
    t,
  ) => html`<tr><td>#${t.number}</td><td>${formatShortDate(t.createdAt, "id", tz)}</td><td>${t.kind}${t.criteria.length ? html`<br><span class="muted">${t.criteria.join(", ")}</span>` : ""}</td>
<td>${t.status}${t.decision ? html`<br>${t.decision}` : ""}</td>
<td>${t.proposal ? html`<strong>${t.proposal.code}</strong><br>${t.proposal.title}<br><span class="muted">${t.proposal.unitName}</span>` : "–"}</td>
<td>${t.text}<br><span class="muted">Jawab: /jawab ${t.number} … atau klinik tickets answer ${t.number}</span></td></tr>`,
)}
</tbody></table>`;
    return c.html(frame(c, TITLE, body));
  });
  return app;
}
