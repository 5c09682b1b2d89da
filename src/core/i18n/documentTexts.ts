import { catalog } from "./catalog.ts";

/** Texts of sending a draft as a file and of /ekspor. Indonesian first. */
export interface DocumentTexts {
  needProposal: string;
  fetchFailed: string;
  nothingFound: string;
  save: string;
  cancel: string;
  assign: (n: number) => string;
  chooseSection: (n: number) => string;
  cancelled: string;
  saved: (n: number, r: number) => string;
  exported: (code: string) => string;
  exportedText: (code: string) => string;
  noProposalToExport: string;
}

const id: DocumentTexts = {
  needProposal:
    "Untuk mengimpor berkas, pilih atau buat proposal dulu dengan /proposal, lalu kirim berkasnya lagi.",
  fetchFailed: "Berkas tidak bisa diunduh. Mohon kirim sekali lagi.",
  nothingFound:
    'Tidak ada judul bagian yang dikenali di berkas ini, jadi belum ada yang bisa disimpan. Pastikan judul bagian (misalnya "Latar Belakang dan Tujuan") ada di berkas.',
  save: "Simpan",
  cancel: "Batal",
  assign: (n) => `Masukkan teks #${n} ke bagian…`,
  chooseSection: (n) => `Teks #${n} dimasukkan ke bagian mana?`,
  cancelled: "Impor dibatalkan; tidak ada yang diubah.",
  saved: (n, r) =>
    `Tersimpan: ${n} bagian sebagai versi baru (versi lama tetap di /riwayat). Kelengkapan proposal: ${r}%. Ketik /cek untuk pemeriksaan lengkap.`,
  exported: (code) =>
    `Proposal ${code} dalam format Word. Untuk menyalin ke SINOVIK per kolom, ketik /ekspor teks.`,
  exportedText: (code) => `Proposal ${code} sebagai teks, per bagian.`,
  noProposalToExport: "Belum ada proposal aktif untuk diekspor. Pilih dengan /proposal.",
};

const en: DocumentTexts = {
  needProposal:
    "To import a file, choose or create a proposal first with /proposal, then send the file again.",
  fetchFailed: "The file could not be downloaded. Please send it once more.",
  nothingFound:
    'No section heading was recognised in this file, so nothing can be saved yet. Make sure the section headings (e.g. "Latar Belakang dan Tujuan") are in the file.',
  save: "Save",
  cancel: "Cancel",
  assign: (n) => `Put text #${n} into a section…`,
  chooseSection: (n) => `Which section should text #${n} go to?`,
  cancelled: "Import cancelled; nothing was changed.",
  saved: (n, r) =>
    `Saved: ${n} section(s) as new versions (old ones stay in /riwayat). Proposal completeness: ${r}%. Type /cek for the full check.`,
  exported: (code) =>
    `Proposal ${code} as a Word document. To paste into SINOVIK field by field, type /ekspor teks.`,
  exportedText: (code) => `Proposal ${code} as plain text, section by section.`,
  noProposalToExport: "There is no active proposal to export. Choose one with /proposal.",
};

export const documentTexts = catalog<DocumentTexts>({ id, en });
