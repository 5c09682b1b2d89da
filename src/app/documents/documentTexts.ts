import type { Locale } from "../../core/i18n/locale.ts";
import { textLookup } from "../../core/i18n/textTable.ts";

/** Texts of sending a draft as a file and of /ekspor (Indonesian first). */
export const documentTexts = {
  needProposal: {
    id: "Untuk mengimpor berkas, pilih atau buat proposal dulu dengan /proposal, lalu kirim berkasnya lagi.",
    en: "To import a file, choose or create a proposal first with /proposal, then send the file again.",
  },
  fetchFailed: {
    id: "Berkas tidak bisa diunduh. Mohon kirim sekali lagi.",
    en: "The file could not be downloaded. Please send it once more.",
  },
  nothingFound: {
    id: 'Tidak ada judul bagian yang dikenali di berkas ini, jadi belum ada yang bisa disimpan. Pastikan judul bagian (misalnya "Latar Belakang dan Tujuan") ada di berkas.',
    en: 'No section heading was recognised in this file, so nothing can be saved yet. Make sure the section headings (e.g. "Latar Belakang dan Tujuan") are in the file.',
  },
  save: { id: "Simpan", en: "Save" },
  cancel: { id: "Batal", en: "Cancel" },
  assign: { id: "Masukkan teks #{n} ke bagian…", en: "Put text #{n} into a section…" },
  chooseSection: { id: "Teks #{n} dimasukkan ke bagian mana?", en: "Which section should text #{n} go to?" },
  cancelled: { id: "Impor dibatalkan; tidak ada yang diubah.", en: "Import cancelled; nothing was changed." },
  saved: {
    id: "Tersimpan: {n} bagian sebagai versi baru (versi lama tetap di /riwayat). Kelengkapan proposal: {r}%. Ketik /cek untuk pemeriksaan lengkap.",
    en: "Saved: {n} section(s) as new versions (old ones stay in /riwayat). Proposal completeness: {r}%. Type /cek for the full check.",
  },
  exported: {
    id: "Proposal {code} dalam format Word. Untuk menyalin ke SINOVIK per kolom, ketik /ekspor teks.",
    en: "Proposal {code} as a Word document. To paste into SINOVIK field by field, type /ekspor teks.",
  },
  exportedText: {
    id: "Proposal {code} sebagai teks, per bagian.",
    en: "Proposal {code} as plain text, section by section.",
  },
  noProposalToExport: {
    id: "Belum ada proposal aktif untuk diekspor. Pilih dengan /proposal.",
    en: "There is no active proposal to export. Choose one with /proposal.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export const documentText = textLookup(documentTexts);
