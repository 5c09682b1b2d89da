import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { KlinikError } from "../../core/errors.ts";
import { TABLE_LIMITS } from "../../core/importing/importLimits.ts";
import { inspectZip } from "../../docs/inspectZip.ts";

/** One data row of a sheet: its spreadsheet row number (the header is row 1) and cells by column. */
export interface TableRow {
  row: number;
  cells: Record<string, string>;
}

/** A problem with one cell or row of an import, reported all at once before anything is applied. */
export interface RowError {
  row: number;
  column: string;
  reason: string;
}

/** An import refused: every bad row, or a problem with the whole file (row 0). */
export class TableImportError extends KlinikError {
  override readonly name = "TableImportError";
  constructor(
    message: string,
    readonly errors: RowError[] = [],
  ) {
    super(message, { badRows: errors.length });
  }
}

/**
 * Reads a CSV (comma, semicolon or tab separated, as spreadsheets export them) or the first sheet
 * of an XLSX into rows keyed by canonical column names. `columns` maps each canonical name to
 * the header spellings accepted (compared without case, spaces or punctuation).
 */
export async function readTable(
  path: string,
  columns: Record<string, readonly string[]>,
  required: readonly string[],
  opts: { unknownColumns?: "ignore" | "refuse" } = {},
): Promise<TableRow[]> {
  const ext = extname(path).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv" && ext !== ".txt")
    throw new TableImportError(`${path}: use a .csv or .xlsx file`);
  const { size } = await stat(path);
  if (size > TABLE_LIMITS.maxFileBytes)
    throw new TableImportError(
      `${path}: ${mb(size)} MB is more than the ${mb(TABLE_LIMITS.maxFileBytes)} MB an import may have`,
    );
  const grid = ext === ".xlsx" ? await readXlsx(path) : readCsv(await readFile(path, "utf8"));
  if (grid.length > TABLE_LIMITS.maxRows + 1)
    throw new TableImportError(`${path}: more than ${TABLE_LIMITS.maxRows} rows; split the file`);
  const [header, ...body] = grid;
  if (!header) throw new TableImportError(`${path}: the file is empty`);
  const canon = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const c = canon(h);
    for (const [name, spellings] of Object.entries(columns))
      if (!index.has(name) && [name, ...spellings].some((s) => canon(s) === c)) index.set(name, i);
  });
  const missing = required.filter((r) => !index.has(r));
  if (missing.length)
    throw new TableImportError(
      `${path}: missing column(s) ${missing.join(", ")} (header: ${header.filter(Boolean).join(", ")})`,
    );
  if (opts.unknownColumns === "refuse") {
    const used = new Set(index.values());
    const unknown = header.filter((h, i) => h.trim() && !used.has(i));
    // A column the importer does not know would be dropped silently: name it, and what is known.
    if (unknown.length)
      throw new TableImportError(
        `${path}: unknown column(s) ${unknown.map((h) => `"${h.trim()}"`).join(", ")}; valid columns: ${Object.keys(columns).join(", ")} (or their spellings: ${Object.values(columns).flat().join(", ")})`,
      );
  }
  const rows: TableRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    const out: Record<string, string> = {};
    for (const [name, at] of index) out[name] = (cells[at] ?? "").trim();
    rows.push({ row: i + 2, cells: out });
  });
  return rows;
}

function readCsv(text: string): string[][] {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (ch: string) => first.split(ch).length - 1;
  const delimiter = [",", ";", "\t"].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ",");
  return parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
}

async function readXlsx(path: string): Promise<string[][]> {
  const bytes = await readFile(path);
  // An XLSX is a zip: bounded (unpacked size, parts, ratio, XML depth, no DTD) before ExcelJS.
  const zip = await inspectZip(bytes, TABLE_LIMITS.zip);
  if (!zip.ok)
    throw new TableImportError(
      zip.reason === "corrupt"
        ? `${path}: not a readable .xlsx file`
        : `${path}: the workbook unpacks beyond the import limits (${zip.reason.replace(/_/g, " ")}); save the sheet alone as .csv`,
    );
  // Loaded on the first spreadsheet import only (about 20 MB of memory otherwise held idle).
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > TABLE_LIMITS.maxRows + 1)
    throw new TableImportError(`${path}: more than ${TABLE_LIMITS.maxRows} rows; split the file`);
  const columns = Math.min(sheet.columnCount, TABLE_LIMITS.maxColumns);
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(Math.max(row.cellCount, columns), TABLE_LIMITS.maxColumns); c++)
      cells.push(cellText(row.getCell(c).value));
    grid.push(cells);
  }
  return grid;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("result" in v) return v.result === undefined ? "" : cellText(v.result as ExcelJS.CellValue);
  return "";
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** Lines of an import report: one per bad row, in row order. */
export function formatRowErrors(errors: readonly RowError[]): string[] {
  return [...errors]
    .sort((a, b) => a.row - b.row)
    .map((e) => (e.row === 0 ? e.reason : `row ${e.row}, column "${e.column}": ${e.reason}`));
}
