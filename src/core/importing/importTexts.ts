import { countWords } from "../completeness/countWords.ts";
import { catalog } from "../i18n/catalog.ts";
import type { Locale } from "../i18n/locale.ts";
import type { RichText } from "../messages.ts";
import type { Template } from "../templates/templateSchema.ts";
import { type ImportFailureReason, MAX_FILE_BYTES, MAX_PDF_PAGES } from "./importLimits.ts";
import type { SplitResult } from "./splitIntoSections.ts";

const MB = Math.round(MAX_FILE_BYTES / (1024 * 1024));

/** Why an uploaded draft could not be used, said politely, with what to do instead. */
export const importFailureTexts = catalog<Record<ImportFailureReason, string>>({
  id: {
    too_large: `Maaf, berkasnya terlalu besar (batas ${MB} MB). Mohon kirim versi tanpa foto/lampiran, atau kirim per bagian.`,
    too_many_pages: `Maaf, PDF-nya lebih dari ${MAX_PDF_PAGES} halaman. Mohon kirim naskah proposalnya saja, tanpa lampiran.`,
    too_complex:
      "Maaf, isi berkas ini terlalu besar atau terlalu rumit untuk dibaca (misalnya berisi banyak gambar atau tabel bertumpuk). Mohon simpan ulang tanpa lampiran, atau kirim per bagian.",
    image_only:
      "Berkas ini berupa gambar/hasil pindai, jadi teksnya tidak bisa dibaca. Mohon kirim versi teks: DOCX, atau PDF yang disimpan langsung dari Word.",
    encrypted:
      "Berkas ini dikunci dengan kata sandi. Mohon buka kuncinya dulu (simpan ulang tanpa kata sandi), lalu kirim lagi.",
    corrupt:
      "Maaf, berkasnya tidak bisa dibuka; mungkin rusak atau belum selesai terunduh. Mohon simpan ulang lalu kirim lagi.",
    unsupported_type:
      "Maaf, jenis berkas ini belum bisa dibaca. Mohon kirim dalam bentuk DOCX, PDF (teks), atau TXT. Berkas .doc lama: simpan ulang sebagai .docx.",
    empty: "Berkasnya terbaca, tetapi tidak ada teks di dalamnya. Mohon periksa lagi berkas yang dikirim.",
    proposal_not_found:
      "Proposal tujuan tidak ditemukan. Pilih proposal dulu lewat /proposal, lalu kirim berkasnya lagi.",
  },
  en: {
    too_large: `Sorry, the file is too large (limit ${MB} MB). Please send a version without photos/attachments, or send it section by section.`,
    too_many_pages: `Sorry, the PDF has more than ${MAX_PDF_PAGES} pages. Please send only the proposal text, without attachments.`,
    too_complex:
      "Sorry, the contents of this file are too large or too complex to read (for example many images or nested tables). Please save it again without attachments, or send it section by section.",
    image_only:
      "This file is an image or a scan, so its text cannot be read. Please send a text version: DOCX, or a PDF saved directly from Word.",
    encrypted:
      "This file is password-protected. Please unlock it first (save it again without a password), then send it again.",
    corrupt:
      "Sorry, the file cannot be opened; it may be damaged or incompletely downloaded. Please save it again and resend.",
    unsupported_type:
      "Sorry, this kind of file cannot be read yet. Please send DOCX, a text PDF, or TXT. Old .doc files: save again as .docx.",
    empty: "The file was read, but there is no text in it. Please check the file you sent.",
    proposal_not_found:
      "The target proposal was not found. Choose a proposal first with /proposal, then send the file again.",
  },
});

interface SummaryTexts {
  header: (file: string) => string;
  found: string;
  /** heading "" = the user assigned the text to the section by hand. */
  sectionLine: (title: string, heading: string, words: number, limit: string) => string;
  limit: (min: number, max?: number) => string;
  notFound: string;
  unmatched: string;
  unmatchedLine: (n: number, preview: string, words: number) => string;
  assignHint: string;
  nothingFound: string;
  confirm: string;
}

/** Texts of the import confirmation, Indonesian first. */
export const importSummaryTexts = catalog<SummaryTexts>({
  id: {
    header: (file) => `Hasil membaca ${file}:`,
    found: "Bagian yang ditemukan:",
    sectionLine: (title, heading, words, limit) =>
      `${title} ← ${heading ? `"${heading}"` : "(dipilih manual)"} · ${words} kata${limit}`,
    limit: (min, max) =>
      max ? ` (panduan ${min > 0 ? `${min}–` : "maks. "}${max})` : min > 0 ? ` (panduan min. ${min})` : "",
    notFound: "Belum ada di dokumen:",
    unmatched: "Teks yang belum masuk bagian mana pun:",
    unmatchedLine: (n, preview, words) => `[${n}] "${preview}" (${words} kata)`,
    assignHint: "Teks ini tidak disimpan kecuali Bapak/Ibu memilih bagiannya.",
    nothingFound: "Tidak ada judul bagian yang dikenali. Pilih bagian untuk teks di bawah ini.",
    confirm: "Simpan ke proposal? Teks lama tetap ada di /riwayat.",
  },
  en: {
    header: (file) => `What I read in ${file}:`,
    found: "Sections found:",
    sectionLine: (title, heading, words, limit) =>
      `${title} ← ${heading ? `"${heading}"` : "(assigned by hand)"} · ${words} words${limit}`,
    limit: (min, max) =>
      max ? ` (guidance ${min > 0 ? `${min}–` : "max. "}${max})` : min > 0 ? ` (guidance min. ${min})` : "",
    notFound: "Not in the document yet:",
    unmatched: "Text not under any section:",
    unmatchedLine: (n, preview, words) => `[${n}] "${preview}" (${words} words)`,
    assignHint: "This text is not saved unless you choose its section.",
    nothingFound: "No section heading was recognised. Choose a section for the text below.",
    confirm: "Save to the proposal? The old text stays in /riwayat.",
  },
});

const PREVIEW_CHARS = 80;

/**
 * The confirmation shown before an import is saved: each section found with the heading it was
 * matched by and its word count against the limits, the sections still missing, and the
 * unmatched chunks numbered from 1 (the number the user picks to assign one to a section).
 */
export function renderImportSummary(
  template: Template,
  preview: SplitResult,
  locale: Locale,
  opts: {
    fileName?: string /** End with the "save?" question (chat); off for the CLI. */;
    confirm?: boolean;
  } = {},
): RichText {
  const t = importSummaryTexts(locale);
  const out: RichText = [{ b: t.header(opts.fileName ?? "dokumen") }, "\n"];
  if (preview.sections.length === 0) out.push(t.nothingFound, "\n");
  else {
    out.push({ b: t.found }, "\n");
    const order = (key: string) => template.sections.findIndex((x) => x.key === key);
    for (const s of [...preview.sections].sort((a, b) => order(a.key) - order(b.key))) {
      const i = order(s.key);
      const sec = template.sections[i];
      const title = sec ? `${i + 1}. ${sec.title[locale]}` : s.key;
      const limit = sec ? t.limit(sec.minWords, sec.maxWords) : "";
      // only an official limit warns; the guidance range is shown as it is
      const max = sec?.officialWords?.max;
      const over = max !== undefined && countWords(s.text) > max ? " ⚠️" : "";
      out.push(`✅ ${t.sectionLine(title, s.heading, countWords(s.text), limit)}${over}\n`);
    }
  }
  const found = new Set(preview.sections.map((s) => s.key));
  const missing = template.sections.filter((s) => !found.has(s.key)).map((s) => s.title[locale]);
  if (missing.length > 0 && preview.sections.length > 0) out.push(`⬜ ${t.notFound} ${missing.join(", ")}\n`);
  if (preview.unmatched.length > 0) {
    out.push("\n", { b: t.unmatched }, "\n");
    preview.unmatched.forEach((u, i) => {
      out.push(`${t.unmatchedLine(i + 1, previewOf(u), countWords(u))}\n`);
    });
    out.push(t.assignHint, "\n");
  }
  if (preview.sections.length > 0 && opts.confirm !== false) out.push("\n", t.confirm);
  return trimEnd(out);
}

function previewOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= PREVIEW_CHARS) return flat;
  const cut = flat.slice(0, PREVIEW_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > PREVIEW_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, "")}…`;
}

function trimEnd(out: RichText): RichText {
  const last = out.at(-1);
  if (typeof last === "string") out[out.length - 1] = last.replace(/\n+$/, "");
  return out;
}
