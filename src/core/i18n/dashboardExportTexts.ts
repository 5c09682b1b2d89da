import { catalog } from "./catalog.ts";

/** The exports page: readiness reports and score results. */
const id = {
  exports: "Ekspor",
  reportXlsx: "Laporan kesiapan (XLSX)",
  reportCsv: "Laporan kesiapan (CSV)",
  resultsXlsx: "Hasil nilai (XLSX)",
  resultsCsv: "Hasil nilai (CSV)",
};

export type DashboardExportTexts = typeof id;

const en: DashboardExportTexts = {
  exports: "Exports",
  reportXlsx: "Readiness report (XLSX)",
  reportCsv: "Readiness report (CSV)",
  resultsXlsx: "Score results (XLSX)",
  resultsCsv: "Score results (CSV)",
};

export const dashboardExportTexts = catalog<DashboardExportTexts>({ id, en });
