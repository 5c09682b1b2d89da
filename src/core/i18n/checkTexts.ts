import type { RejectReason } from "../completeness/detectorResult.ts";
import { catalog } from "./catalog.ts";

/**
 * What the section check says beyond the template's own tips: why a mention did not count and
 * what would, style and language notes, and the cross-section rules. A check's result carries
 * both languages (`inBoth(checkTexts, …)`); the reader's is picked when it is shown.
 */
export interface CheckTexts {
  /** A mention that did not count, quoted, and what would count instead. */
  note: Record<RejectReason, (quote: string, counts: string) => string>;
  /** What counts as the element a detector looks for (the second half of a note). */
  counts: Record<
    | "legalBasis"
    | "budget"
    | "evaluation"
    | "evaluationExternal"
    | "replication"
    | "replicationScale"
    | "urgency"
    | "beforeAfter"
    | "default",
    string
  >;
  /** Below the coaching guidance; max is "…" when the section has no upper guidance. */
  guidanceShort: (words: number, min: number, max: number | string) => string;
  guidanceLong: (words: number, max: number) => string;
  officialLong: (words: number, max: number) => string;
  officialShort: (words: number, min: number) => string;
  padding: (words: number) => string;
  language: (language: string) => string;
  abbreviation: (found: string) => string;
  acronym: (found: string) => string;
  vagueClaim: (quote: string) => string;
  problemFigure: (figures: string, section: string) => string;
  goalMeasured: (goal: string, section: string) => string;
  startYear: (years: string) => string;
  summaryFigure: (figures: string) => string;
  pasted: (section: string, quote: string) => string;
  /** The registration form, as a place a start year is stated. */
  registration: string;
}

const id: CheckTexts = {
  note: {
    plan: (quote, counts) =>
      `“${quote}” masih berupa rencana, jadi belum dihitung. Yang dihitung: ${counts}.`,
    negation: (quote, counts) => `“${quote}” menyatakan hal ini belum ada. Yang dihitung: ${counts}.`,
    external_only: (quote, counts) =>
      `“${quote}” adalah evaluasi oleh pihak luar, bukan evaluasi internal. Yang dihitung: ${counts}.`,
    internal_only: (quote, counts) =>
      `“${quote}” dilakukan oleh unit sendiri, bukan evaluasi eksternal. Yang dihitung: ${counts}.`,
    study_visit: (quote, counts) =>
      `“${quote}” baru berupa kunjungan atau minat, belum replikasi. Yang dihitung: ${counts}.`,
    no_adopter: (quote, counts) =>
      `“${quote}” belum menyebut siapa yang menerapkan. Yang dihitung: ${counts}.`,
    no_horizon: (quote, counts) =>
      `“${quote}” belum menyebut kapan akibat itu terjadi. Yang dihitung: ${counts}.`,
  },
  counts: {
    legalBasis:
      "peraturan atau SK yang sudah ditetapkan, dengan nomor dan tahunnya, misalnya “Perbup Nomor 12 Tahun 2021”",
    budget:
      "anggaran yang sudah dialokasikan dan sumbernya, misalnya “APBD 2024 sebesar Rp 45 juta” atau “dana desa”",
    evaluation:
      "evaluasi yang dilakukan unit sendiri, dengan hasilnya, misalnya “rapat evaluasi bulanan tim inovasi: waktu layanan rata-rata 25 menit”",
    evaluationExternal:
      "penilaian oleh pihak luar yang sudah dilakukan, misalnya audit Inspektorat, penilaian Ombudsman, atau kajian perguruan tinggi, dengan hasilnya",
    replication:
      "unit atau daerah lain yang sudah menerapkan, disebut namanya, misalnya “Puskesmas Andalas menerapkan inovasi ini sejak Maret 2023”",
    replicationScale:
      "berapa unit yang sudah menerapkan, misalnya “diterapkan oleh 4 puskesmas di Kabupaten Agam”",
    urgency:
      "akibat bila dibiarkan dalam 1–3 tahun, sebaiknya dengan angka, misalnya “pada 2026 diperkirakan 900 kasus”",
    beforeAfter:
      "hasil yang sudah tercapai, dengan angka sebelum dan sesudah, misalnya “waktu layanan dari 3 hari menjadi 1 jam”",
    default: "hal yang sudah berjalan, ditulis sebagai fakta",
  },
  guidanceShort: (words, min, max) =>
    `ℹ️ ${words} kata; panduan pendampingan ${min}–${max} kata (bukan batas resmi, tidak mengurangi kelengkapan).`,
  guidanceLong: (words, max) =>
    `ℹ️ ${words} kata; panduan pendampingan paling banyak ${max} kata (bukan batas resmi). Juri lebih suka jawaban yang padat.`,
  officialLong: (words, max) =>
    `⚠️ ${words} kata; batas resmi bagian ini ${max} kata. Ringkas dulu sebelum diunggah.`,
  officialShort: (words, min) =>
    `⚠️ ${words} kata; bagian ini wajib minimal ${min} kata menurut ketentuan lomba.`,
  padding: (words) =>
    `⚠️ Jawaban ini panjang (${words} kata) tetapi hampir tanpa fakta: tidak ada angka, nama, atau tanggal. Ganti kalimat umum dengan data, misalnya jumlah warga terlayani, nama desa, atau bulan dan tahun mulai.`,
  language: (language) =>
    `⚠️ Bagian ini tampaknya ditulis dalam ${language}. Proposal dinilai dalam bahasa Indonesia; tulis ulang dalam bahasa Indonesia.`,
  abbreviation: (found) =>
    `✏️ Gaya bahasa: singkatan seperti ${found} terbaca seperti pesan singkat. Tulis lengkap (misalnya “yang”, “dengan”, “karena”, “tidak”).`,
  acronym: (found) =>
    `✏️ Gaya bahasa: singkatan ${found} belum dijelaskan. Tulis kepanjangannya saat pertama disebut, misalnya “Sistem Informasi Desa (SID)”.`,
  vagueClaim: (quote) =>
    `✏️ “${quote}” adalah klaim tanpa angka. Juri meminta buktinya: berapa, dibanding apa, menurut data siapa?`,
  problemFigure: (figures, section) =>
    `🔗 Angka masalah di Latar Belakang (${figures}) tidak muncul lagi sebagai kondisi “sebelum” di ${section}. Pakai angka yang sama agar juri bisa membandingkan.`,
  goalMeasured: (goal, section) =>
    `🔗 Tujuan di Latar Belakang (“${goal}”) belum diukur hasilnya di ${section}. Tulis capaian untuk tujuan itu, misalnya angka sebelum dan sesudahnya.`,
  startYear: (years) =>
    `🔗 Tahun mulai tidak sama: ${years}. Samakan di pendaftaran, Ringkasan, dan Implementasi.`,
  summaryFigure: (figures) =>
    `🔗 Angka di Ringkasan yang tidak ada di bagian lain: ${figures}. Setiap angka Ringkasan perlu didukung di isi proposal.`,
  pasted: (section, quote) =>
    `🔗 Satu paragraf di bagian ini sama dengan paragraf di ${section} (“${quote}”). Setiap bagian dinilai terpisah; tulis ulang sesuai pertanyaan bagian ini.`,
  registration: "pendaftaran",
};

const en: CheckTexts = {
  note: {
    plan: (quote, counts) => `“${quote}” is still a plan, so it does not count yet. What counts: ${counts}.`,
    negation: (quote, counts) => `“${quote}” says this does not exist yet. What counts: ${counts}.`,
    external_only: (quote, counts) =>
      `“${quote}” is an evaluation by an outside party, not an internal one. What counts: ${counts}.`,
    internal_only: (quote, counts) =>
      `“${quote}” was done by the unit itself, not an external evaluation. What counts: ${counts}.`,
    study_visit: (quote, counts) =>
      `“${quote}” is a visit or an expression of interest, not a replication. What counts: ${counts}.`,
    no_adopter: (quote, counts) => `“${quote}” does not say who applied it. What counts: ${counts}.`,
    no_horizon: (quote, counts) =>
      `“${quote}” does not say when the consequence would come. What counts: ${counts}.`,
  },
  counts: {
    legalBasis:
      "a regulation or decree already in force, with its number and year, e.g. “Perbup Nomor 12 Tahun 2021”",
    budget: "a budget already allocated and its source, e.g. “APBD 2024, Rp 45 million” or “dana desa”",
    evaluation:
      "an evaluation the unit ran itself, with its result, e.g. “the team's monthly review: average service time 25 minutes”",
    evaluationExternal:
      "an assessment already made by an outside party, e.g. an Inspektorat audit, an Ombudsman assessment or a university study, with its result",
    replication:
      "another unit or region that already applies it, by name, e.g. “Puskesmas Andalas has applied it since March 2023”",
    replicationScale: "how many units already apply it, e.g. “applied by 4 puskesmas in Kabupaten Agam”",
    urgency:
      "what happens within 1–3 years if nothing is done, ideally with a figure, e.g. “by 2026 an estimated 900 cases”",
    beforeAfter:
      "a result already reached, with before and after figures, e.g. “service time from 3 days to 1 hour”",
    default: "something already in place, stated as a fact",
  },
  guidanceShort: (words, min, max) =>
    `ℹ️ ${words} words; the coaching guidance is ${min}–${max} words (not an official limit; completeness is not affected).`,
  guidanceLong: (words, max) =>
    `ℹ️ ${words} words; the coaching guidance is at most ${max} words (not an official limit). Judges prefer dense answers.`,
  officialLong: (words, max) =>
    `⚠️ ${words} words; the official limit of this section is ${max} words. Shorten it before uploading.`,
  officialShort: (words, min) =>
    `⚠️ ${words} words; the competition rules require at least ${min} words here.`,
  padding: (words) =>
    `⚠️ This answer is long (${words} words) but holds almost no facts: no figures, names or dates. Replace general sentences with data, e.g. the number of people served, village names, or the month and year it started.`,
  language: (language) =>
    `⚠️ This section seems to be written in ${language}. Proposals are assessed in Indonesian; rewrite it in Indonesian.`,
  abbreviation: (found) =>
    `✏️ Style: abbreviations such as ${found} read like text messages. Write the words out in full.`,
  acronym: (found) =>
    `✏️ Style: the acronym(s) ${found} are not explained. Spell them out at first use, e.g. “Sistem Informasi Desa (SID)”.`,
  vagueClaim: (quote) =>
    `✏️ “${quote}” is a claim without a figure. Judges ask for the evidence: how much, compared with what, by whose data?`,
  problemFigure: (figures, section) =>
    `🔗 The problem's figure in the Background (${figures}) does not reappear as the “before” in ${section}. Use the same figure so judges can compare.`,
  goalMeasured: (goal, section) =>
    `🔗 The goal in the Background (“${goal}”) is not measured in ${section}. Report what was achieved for that goal, e.g. its before and after figures.`,
  startYear: (years) =>
    `🔗 The start year differs: ${years}. Make it the same in the registration, the Summary and the Implementation.`,
  summaryFigure: (figures) =>
    `🔗 Figures in the Summary that appear nowhere else: ${figures}. Every figure in the Summary needs support in the body.`,
  pasted: (section, quote) =>
    `🔗 A paragraph here is the same as one in ${section} (“${quote}”). Each section is scored separately; rewrite it for this section's questions.`,
  registration: "registration",
};

export const checkTexts = catalog<CheckTexts>({ id, en });
