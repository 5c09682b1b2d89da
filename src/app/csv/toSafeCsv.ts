import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | null | undefined | Date;

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text, with a leading apostrophe when it could start a formula. */
export function neutralizeCell(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const s = String(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * The one CSV writer: a header and rows through csv-stringify (quoting, CRLF-safe), every text
 * cell starting with = + - @ tab or CR neutralised with a leading apostrophe. Numbers stay
 * numbers (a negative score is data, not a formula). UTF-8 with BOM so spreadsheets read it.
 */
export function toSafeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cells = rows.map((r) =>
    r.map((v) => (typeof v === "number" ? neutralizeNumber(v) : neutralizeCell(v))),
  );
  return `\uFEFF${stringify([header.map((h) => neutralizeCell(h)), ...cells])}`;
}

function neutralizeNumber(v: number): string {
  return Number.isFinite(v) ? String(v) : "";
}
