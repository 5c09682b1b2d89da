import type { Locale } from "../../core/i18n/locale.ts";
import { textLookup } from "../../core/i18n/textTable.ts";

/** Texts of sending a file in chat: what is it, and where it was stored (Indonesian first). */
export const attachmentTexts = {
  needProposal: {
    id: "Untuk melampirkan atau mengimpor berkas, pilih atau buat proposal dulu dengan /proposal, lalu kirim berkasnya lagi.",
    en: "To attach or import a file, choose or create a proposal first with /proposal, then send the file again.",
  },
  fetchFailed: {
    id: "Berkas tidak bisa diunduh. Mohon kirim sekali lagi.",
    en: "The file could not be downloaded. Please send it once more.",
  },
  ask: {
    id: 'Berkas "{file}" diterima untuk proposal {code}. Ini SK Tim Inovator, dokumen pendukung sebuah bagian, atau draf untuk diimpor?',
    en: 'File "{file}" received for proposal {code}. Is it the innovator team decree (SK), a supporting document of a section, or a draft to import?',
  },
  askNoDraft: {
    id: 'Berkas "{file}" diterima untuk proposal {code}. Ini SK Tim Inovator atau dokumen pendukung sebuah bagian?',
    en: 'File "{file}" received for proposal {code}. Is it the innovator team decree (SK) or a supporting document of a section?',
  },
  looksLikeSk: {
    id: "Sepertinya berkas ini sebuah SK.",
    en: "This file looks like a decree (SK).",
  },
  scanned: {
    id: "Teks berkas ini tidak terbaca (gambar atau hasil pindai), jadi tidak bisa diimpor sebagai draf, tetapi bisa dilampirkan.",
    en: "The text of this file cannot be read (an image or a scan), so it cannot be imported as a draft, but it can be attached.",
  },
  btnSk: { id: "SK Tim Inovator", en: "Innovator team decree (SK)" },
  btnSupporting: { id: "Dokumen pendukung: {section}", en: "Supporting document: {section}" },
  btnOtherSection: { id: "Dokumen pendukung bagian lain…", en: "Supporting document of another section…" },
  btnDraft: { id: "Draf untuk diimpor", en: "Draft to import" },
  btnNotDraft: {
    id: "Bukan draf: lampirkan sebagai SK atau dokumen pendukung",
    en: "Not a draft: attach it as the SK or a supporting document",
  },
  btnOther: {
    id: "Lampiran lain (foto kegiatan dan sebagainya)",
    en: "Other attachment (activity photos and so on)",
  },
  btnCancel: { id: "Batal", en: "Cancel" },
  chooseSection: {
    id: "Dokumen pendukung untuk bagian mana?",
    en: "A supporting document for which section?",
  },
  savedSk: {
    id: '✅ SK Tim Inovator "{file}" tersimpan bersama proposal {code}. Ketik /siap untuk melihat kesiapan unggah.',
    en: '✅ The innovator team decree "{file}" is stored with proposal {code}. Send /siap to see the upload readiness.',
  },
  savedSupporting: {
    id: '✅ "{file}" tersimpan sebagai dokumen pendukung bagian {section} (proposal {code}). Ketik /siap untuk melihat kesiapan unggah.',
    en: '✅ "{file}" is stored as a supporting document of {section} (proposal {code}). Send /siap to see the upload readiness.',
  },
  savedOther: {
    id: '✅ "{file}" tersimpan sebagai lampiran proposal {code}.',
    en: '✅ "{file}" is stored as an attachment of proposal {code}.',
  },
  already: {
    id: '"{file}" sudah tersimpan sebelumnya untuk keperluan yang sama; tidak disimpan dua kali.',
    en: '"{file}" was already stored for the same purpose; it is not stored twice.',
  },
  cancelled: {
    id: "Baik, berkas tidak disimpan.",
    en: "All right, the file was not stored.",
  },
  expired: {
    id: "Berkas itu sudah tidak menunggu jawaban. Mohon kirim berkasnya sekali lagi.",
    en: "That file is no longer waiting for an answer. Please send it once more.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export const attachmentText = textLookup(attachmentTexts);
