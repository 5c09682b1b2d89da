import type { Report } from "../status/report.ts";
import type { CsvCell } from "./formulaSafeCsv.ts";

/** Header words: English for `klinik report --csv`, Indonesian for the dashboard's exports. */
export type TableLanguage = "en" | "id";

type Row = Report["rows"][number];

interface Column {
  en: string;
  id: string;
  cell(r: Row): CsvCell;
}

const SUMMARY: Column[] = [
  { en: "code", id: "kode", cell: (r) => r.code },
  { en: "unit", id: "unit", cell: (r) => r.unit },
  { en: "instansi", id: "instansi", cell: (r) => r.instansi },
  { en: "title", id: "judul", cell: (r) => r.title },
  { en: "group", id: "kelompok", cell: (r) => r.group },
  { en: "category", id: "kategori", cell: (r) => r.category },
  { en: "stage", id: "tahap", cell: (r) => r.stage },
  { en: "readiness", id: "kesiapan", cell: (r) => r.readiness },
  { en: "incomplete_sections", id: "bagian_belum_lengkap", cell: (r) => r.incomplete.join(" ") },
  { en: "last_activity", id: "aktif_terakhir", cell: (r) => r.lastActive?.toISOString() ?? "" },
  { en: "stuck", id: "macet", cell: (r) => r.stuck },
];

const FILES: Column[] = [
  { en: "sk", id: "sk", cell: (r) => r.sk },
  { en: "attachments", id: "lampiran", cell: (r) => r.files },
  { en: "video", id: "video", cell: (r) => r.video },
];

/**
 * The report's one line per proposal, as header and cells for the one CSV writer
 * (formulaSafeCsv) or an XLSX sheet. With `details`, the AI advice shown per section ("did the
 * bot write this?") and the attachments follow the summary columns.
 */
export function proposalRows(
  report: Report,
  o: { language: TableLanguage; details: boolean },
): { header: string[]; rows: CsvCell[][] } {
  const ai: Column[] = report.sectionKeys.map((k) => ({
    en: `ai_advice_${k}`,
    id: `saran_ai_${k}`,
    cell: (r) => r.aiUse[k] ?? 0,
  }));
  const columns = o.details ? [...SUMMARY, ...ai, ...FILES] : SUMMARY;
  // The CSV writer spells booleans yes/no; the Indonesian table says ya/tidak.
  const word = (v: CsvCell) => (typeof v === "boolean" && o.language === "id" ? (v ? "ya" : "tidak") : v);
  return {
    header: columns.map((c) => c[o.language]),
    rows: report.rows.map((r) => columns.map((c) => word(c.cell(r)))),
  };
}
