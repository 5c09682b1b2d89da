import ExcelJS from "exceljs";
import type { Hono } from "hono";
import { html } from "hono/html";
import { previewRelease } from "../../app/dashboard/previewRelease.ts";
import { type CsvCell, formulaSafeCsv } from "../../app/exporting/formulaSafeCsv.ts";
import { proposalRows } from "../../app/exporting/proposalRows.ts";
import { summarize } from "../../app/status/report.ts";
import { loadProposalRows } from "../../db/queries/proposalRows.ts";
import { auditDownload } from "./auditDownload.ts";
import { compBase, competitionFor } from "./guard.ts";
import { competitionNav, page } from "./layout.ts";
import type { Ctx, DashboardEnv, Kit } from "./types.ts";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The readiness report and the score results as XLSX and CSV; every download is audit-logged. */
export function exportRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  app.get("/k/:slug/ekspor", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const locale = c.get("locale");
    const b = compBase(kit, comp.slug);
    const scored = comp.template.stages.filter((s) => s.scored);
    const body = html`<ul>
<li><a href="${b}/ekspor/laporan.xlsx">${t.reportXlsx}</a></li><li><a href="${b}/ekspor/laporan.csv">${t.reportCsv}</a></li>
${scored.map((s) => html`<li><a href="${b}/ekspor/hasil.xlsx?stage=${s.key}">${t.resultsXlsx} · ${s.label[locale]}</a></li><li><a href="${b}/ekspor/hasil.csv?stage=${s.key}">${t.resultsCsv} · ${s.label[locale]}</a></li>`)}
</ul>`;
    return c.html(page(c, kit, `${t.exports} · ${comp.name}`, body, competitionNav(c, kit, comp.slug, true)));
  });

  app.get("/k/:slug/ekspor/:file{(laporan|hasil)\\.(xlsx|csv)}", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const file = c.req.param("file");
    const [kind, ext] = file.split(".") as ["laporan" | "hasil", "xlsx" | "csv"];
    let header: string[];
    let rows: CsvCell[][];
    if (kind === "laporan") {
      const report = summarize(await loadProposalRows(kit.db, comp.id), comp.template, kit.clock());
      ({ header, rows } = proposalRows(report, { language: "id", details: false }));
    } else {
      const stage = comp.template.stages.find((s) => s.scored && s.key === c.req.query("stage"));
      if (!stage) return c.notFound();
      const res = await previewRelease(kit.db, comp, stage.key);
      header = ["kode", "judul", "kelompok", "kategori", "juri", "total", "peringkat", "dari", "lolos"];
      rows = res.map((r) => [
        r.code,
        r.title,
        r.group,
        r.category,
        r.judges,
        r.total === null ? null : Math.round(r.total * 100) / 100,
        r.rank,
        r.rankOf,
        r.advances === null ? "" : r.advances ? "ya" : "tidak",
      ]);
    }
    await auditDownload(kit, c.get("viewer").contactId, file, comp.slug, {
      rows: rows.length,
      stage: c.req.query("stage") ?? null,
    });
    const name = `${comp.slug}-${kind}${kind === "hasil" ? `-${c.req.query("stage")}` : ""}.${ext}`;
    return ext === "csv" ? csv(c, name, formulaSafeCsv(header, rows)) : xlsx(c, name, header, rows);
  });
}

function csv(c: Ctx, name: string, text: string): Response {
  return c.body(text, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name}"`,
  });
}

async function xlsx(c: Ctx, name: string, header: string[], rows: CsvCell[][]): Promise<Response> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("data");
  ws.addRow(header).font = { bold: true };
  // exceljs writes strings as text cells: a leading "=" stays text, never a formula.
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  const data = new Uint8Array(await wb.xlsx.writeBuffer());
  return c.body(data, 200, {
    "Content-Type": XLSX_MIME,
    "Content-Disposition": `attachment; filename="${name}"`,
  });
}
