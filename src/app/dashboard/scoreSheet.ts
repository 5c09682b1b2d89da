import ExcelJS from "exceljs";
import type { Locale } from "../../core/i18n/locale.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import { TableImportError, type TableRow } from "../status/readTable.ts";

const SHEET = "Nilai";
const COMMENT = "komentar ";

/**
 * A judge's pre-filled score sheet: one row per assigned proposal code, one column per criterion
 * (plus a comment column each), the scores given so far filled in; a second sheet has the rubric.
 */
export async function buildScoreSheet(
  template: Template,
  locale: Locale,
  judge: string,
  rows: { code: string; title: string; scores: Record<string, { value: number; comment: string }> }[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const keys = template.criteria.map((c) => c.key);
  ws.addRow(["kode", "judul", "juri", ...keys, ...keys.map((k) => `${COMMENT}${k}`)]);
  for (const r of rows)
    ws.addRow([
      r.code,
      r.title,
      judge,
      ...keys.map((k) => r.scores[k]?.value ?? null),
      ...keys.map((k) => r.scores[k]?.comment ?? ""),
    ]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  const rubric = wb.addWorksheet("Rubrik");
  rubric.addRow(["kriteria", "nama", "bobot", "skala"]);
  for (const c of template.criteria)
    rubric.addRow([c.key, c.name[locale], c.weight, `${template.scoreScale.min}–${template.scoreScale.max}`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Reads a sheet made by buildScoreSheet back into score rows (code, judge, criterion, value, comment). */
export async function readScoreSheet(data: Uint8Array, template: Template): Promise<TableRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new TableImportError("the file is not an XLSX workbook");
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) throw new TableImportError("the workbook has no sheet");
  const cell = (row: ExcelJS.Row, i: number) => {
    const v = row.getCell(i).value;
    if (v === null || v === undefined) return "";
    if (typeof v === "object" && "result" in v) return String(v.result ?? "");
    if (typeof v === "object" && "richText" in v) return v.richText.map((p) => p.text).join("");
    return String(v).trim();
  };
  const header = ws.getRow(1);
  const col = new Map<string, number>();
  header.eachCell((c, i) =>
    col.set(
      String(c.value ?? "")
        .trim()
        .toLowerCase(),
      i,
    ),
  );
  if (!col.has("kode") || !col.has("juri")) throw new TableImportError("missing column(s) kode, juri");
  const out: TableRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const code = cell(row, col.get("kode")!);
    const judge = cell(row, col.get("juri")!);
    if (!code && !judge) return;
    for (const c of template.criteria) {
      const at = col.get(c.key);
      const value = at ? cell(row, at) : "";
      const ci = col.get(`${COMMENT}${c.key}`);
      const comment = ci ? cell(row, ci) : "";
      if (value === "" && comment === "") continue;
      out.push({ row: n, cells: { code, judge, criterion: c.key, value, comment } });
    }
  });
  return out;
}
