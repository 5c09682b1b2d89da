import { stringify } from "csv-stringify/sync";

/** A CSV cell as the exports produce it; numbers stay numbers (a negative total is not a formula). */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Text that a spreadsheet would run as a formula or a DDE call when the file is opened: a cell
 * starting with =, +, -, @, a tab or a carriage return (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a typed-in text inert for Excel, LibreOffice and Google Sheets by prefixing it with '. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The one CSV writer of the project: RFC 4180 quoting by csv-stringify, every text cell
 * neutralised against formula injection, CRLF line ends and a UTF-8 BOM (Excel reads UTF-8 CSV
 * correctly only with it). Every CSV output (report --csv, export proposals --format csv…) goes
 * through here, so names and titles typed in chat never run in the secretariat's spreadsheet.
 */
export function formulaSafeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return stringify(
    [header, ...rows].map((r) => r.map(cellText)),
    {
      bom: true,
      record_delimiter: "\r\n",
      // Leading or trailing spaces survive every reader only when quoted.
      quoted_match: /^\s|\s$/,
    },
  );
}

function cellText(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "yes" : "no";
  return neutralizeFormula(v);
}

/**
 * A text for the CLI's tab-separated listings (units import, staff list, broadcast report), which
 * operators paste into spreadsheets: formula-neutralised, tabs and line breaks made spaces.
 */
export function tsvCell(text: string): string {
  return neutralizeFormula(text).replace(/[\t\r\n]+/g, " ");
}
