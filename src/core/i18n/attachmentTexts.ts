import { catalog } from "./catalog.ts";

/** Texts of sending a file in chat: what is it, and where it was stored. Indonesian first. */
export interface AttachmentTexts {
  needProposal: string;
  fetchFailed: string;
  /** The question about a file that could also be imported as a draft. */
  ask: (file: string, code: string) => string;
  askNoDraft: (file: string, code: string) => string;
  looksLikeSk: string;
  scanned: string;
  btnSk: string;
  btnSupporting: (section: string) => string;
  btnOtherSection: string;
  btnDraft: string;
  btnNotDraft: string;
  btnOther: string;
  btnCancel: string;
  chooseSection: string;
  savedSk: (file: string, code: string) => string;
  savedSupporting: (file: string, section: string, code: string) => string;
  savedOther: (file: string, code: string) => string;
  already: (file: string) => string;
  cancelled: string;
  expired: string;
}

const id: AttachmentTexts = {
  needProposal:
    "Untuk melampirkan atau mengimpor berkas, pilih atau buat proposal dulu dengan /proposal, lalu kirim berkasnya lagi.",
  fetchFailed: "Berkas tidak bisa diunduh. Mohon kirim sekali lagi.",
  ask: (file, code) =>
    `Berkas "${file}" diterima untuk proposal ${code}. Ini SK Tim Inovator, dokumen pendukung sebuah bagian, atau draf untuk diimpor?`,
  askNoDraft: (file, code) =>
    `Berkas "${file}" diterima untuk proposal ${code}. Ini SK Tim Inovator atau dokumen pendukung sebuah bagian?`,
  looksLikeSk: "Sepertinya berkas ini sebuah SK.",
  scanned:
    "Teks berkas ini tidak terbaca (gambar atau hasil pindai), jadi tidak bisa diimpor sebagai draf, tetapi bisa dilampirkan.",
  btnSk: "SK Tim Inovator",
  btnSupporting: (section) => `Dokumen pendukung: ${section}`,
  btnOtherSection: "Dokumen pendukung bagian lain…",
  btnDraft: "Draf untuk diimpor",
  btnNotDraft: "Bukan draf: lampirkan sebagai SK atau dokumen pendukung",
  btnOther: "Lampiran lain (foto kegiatan dan sebagainya)",
  btnCancel: "Batal",
  chooseSection: "Dokumen pendukung untuk bagian mana?",
  savedSk: (file, code) =>
    `✅ SK Tim Inovator "${file}" tersimpan bersama proposal ${code}. Ketik /siap untuk melihat kesiapan unggah.`,
  savedSupporting: (file, section, code) =>
    `✅ "${file}" tersimpan sebagai dokumen pendukung bagian ${section} (proposal ${code}). Ketik /siap untuk melihat kesiapan unggah.`,
  savedOther: (file, code) => `✅ "${file}" tersimpan sebagai lampiran proposal ${code}.`,
  already: (file) =>
    `"${file}" sudah tersimpan sebelumnya untuk keperluan yang sama; tidak disimpan dua kali.`,
  cancelled: "Baik, berkas tidak disimpan.",
  expired: "Berkas itu sudah tidak menunggu jawaban. Mohon kirim berkasnya sekali lagi.",
};

const en: AttachmentTexts = {
  needProposal:
    "To attach or import a file, choose or create a proposal first with /proposal, then send the file again.",
  fetchFailed: "The file could not be downloaded. Please send it once more.",
  ask: (file, code) =>
    `File "${file}" received for proposal ${code}. Is it the innovator team decree (SK), a supporting document of a section, or a draft to import?`,
  askNoDraft: (file, code) =>
    `File "${file}" received for proposal ${code}. Is it the innovator team decree (SK) or a supporting document of a section?`,
  looksLikeSk: "This file looks like a decree (SK).",
  scanned:
    "The text of this file cannot be read (an image or a scan), so it cannot be imported as a draft, but it can be attached.",
  btnSk: "Innovator team decree (SK)",
  btnSupporting: (section) => `Supporting document: ${section}`,
  btnOtherSection: "Supporting document of another section…",
  btnDraft: "Draft to import",
  btnNotDraft: "Not a draft: attach it as the SK or a supporting document",
  btnOther: "Other attachment (activity photos and so on)",
  btnCancel: "Cancel",
  chooseSection: "A supporting document for which section?",
  savedSk: (file, code) =>
    `✅ The innovator team decree "${file}" is stored with proposal ${code}. Send /siap to see the upload readiness.`,
  savedSupporting: (file, section, code) =>
    `✅ "${file}" is stored as a supporting document of ${section} (proposal ${code}). Send /siap to see the upload readiness.`,
  savedOther: (file, code) => `✅ "${file}" is stored as an attachment of proposal ${code}.`,
  already: (file) => `"${file}" was already stored for the same purpose; it is not stored twice.`,
  cancelled: "All right, the file was not stored.",
  expired: "That file is no longer waiting for an answer. Please send it once more.",
};

export const attachmentTexts = catalog<AttachmentTexts>({ id, en });
