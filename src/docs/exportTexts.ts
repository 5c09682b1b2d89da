import type { Mark } from "../core/completeness/checkSection.ts";
import { catalog } from "../core/i18n/catalog.ts";

/** Sentences of the exported documents, Indonesian first. */
export interface ExportTexts {
  code: string;
  unit: string;
  competition: string;
  readiness: (pct: number) => string;
  /** "(maks. 200 kata)" after a heading; "" when the section has no limits. */
  limits: (min: number, max?: number) => string;
  wordCount: (words: number, min: number, max?: number) => string;
  wordStatus: Record<"empty" | "short" | "ok" | "long", string>;
  overOfficial: (max: number) => string;
  notWritten: string;
  appendixReadiness: string;
  appendixAi: string;
  table: { no: string; section: string; weight: string; words: string; mark: string };
  markWord: Record<Mark, string>;
  aiIntro: string;
  aiNone: string;
  general: string;
  appendixFiles: string;
  filesIntro: string;
  filesNone: string;
  fileKind: Record<"sk" | "supporting" | "other", string>;
  video: (url: string) => string;
  noVideo: string;
}

export const exportTexts = catalog<ExportTexts>({
  id: {
    code: "Kode proposal",
    unit: "Unit pelayanan",
    competition: "Kompetisi",
    readiness: (pct) => `Kelengkapan proposal (pemeriksaan aturan): ${pct}%`,
    limits: (min, max) =>
      max ? ` (${min > 0 ? `${min}–${max}` : `maks. ${max}`} kata)` : min > 0 ? ` (min. ${min} kata)` : "",
    wordCount: (words, min, max) =>
      `Jumlah kata: ${words}${max ? ` (panduan ${min > 0 ? `${min}–` : "maks. "}${max})` : min > 0 ? ` (panduan minimal ${min})` : ""}`,
    wordStatus: {
      empty: "⬜ belum diisi",
      short: "ℹ️ di bawah panduan",
      ok: "✅ sesuai panduan",
      long: "ℹ️ di atas panduan",
    },
    overOfficial: (max) => `⚠️ melebihi batas resmi ${max} kata`,
    notWritten: "(Bagian ini belum diisi.)",
    appendixReadiness: "Lampiran A. Kelengkapan proposal",
    appendixAi: "Lampiran B. Catatan penggunaan AI",
    table: { no: "No", section: "Bagian", weight: "Bobot", words: "Kata", mark: "Status" },
    markWord: { complete: "✅ lengkap", incomplete: "⚠️ belum lengkap", empty: "⬜ kosong" },
    aiIntro: "Saran yang diberikan Klinik Inovasi (AI) selama penyusunan. Teks proposal ditulis oleh unit.",
    aiNone: "Tidak ada.",
    general: "Umum",
    appendixFiles: "Lampiran C. Daftar berkas lampiran",
    filesIntro: "Berkas yang dikirim unit bersama proposal ini (tersimpan di Klinik Inovasi):",
    filesNone: "Belum ada berkas lampiran.",
    fileKind: { sk: "SK Tim Inovator", supporting: "Dokumen pendukung", other: "Lampiran lain" },
    video: (url) => `Tautan video: ${url}`,
    noVideo: "Tautan video: belum ada.",
  },
  en: {
    code: "Proposal code",
    unit: "Service unit",
    competition: "Competition",
    readiness: (pct) => `Proposal readiness (rule check): ${pct}%`,
    limits: (min, max) =>
      max ? ` (${min > 0 ? `${min}–${max}` : `max. ${max}`} words)` : min > 0 ? ` (min. ${min} words)` : "",
    wordCount: (words, min, max) =>
      `Word count: ${words}${max ? ` (guidance ${min > 0 ? `${min}–` : "max. "}${max})` : min > 0 ? ` (guidance: at least ${min})` : ""}`,
    wordStatus: {
      empty: "⬜ not written",
      short: "ℹ️ below the guidance",
      ok: "✅ within the guidance",
      long: "ℹ️ above the guidance",
    },
    overOfficial: (max) => `⚠️ over the official limit of ${max} words`,
    notWritten: "(This section has not been written yet.)",
    appendixReadiness: "Appendix A. Proposal completeness",
    appendixAi: "Appendix B. Log of AI use",
    table: { no: "No", section: "Section", weight: "Weight", words: "Words", mark: "Status" },
    markWord: { complete: "✅ complete", incomplete: "⚠️ incomplete", empty: "⬜ empty" },
    aiIntro:
      "Suggestions Klinik Inovasi (AI) gave while the proposal was written. The unit wrote the proposal text.",
    aiNone: "None.",
    general: "General",
    appendixFiles: "Appendix C. List of attached files",
    filesIntro: "Files the unit sent with this proposal (stored in Klinik Inovasi):",
    filesNone: "No attached files yet.",
    fileKind: {
      sk: "Innovator team decree (SK)",
      supporting: "Supporting document",
      other: "Other attachment",
    },
    video: (url) => `Video link: ${url}`,
    noVideo: "Video link: none yet.",
  },
});
