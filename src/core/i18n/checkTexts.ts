import type { Localized } from "../templates/templateSchema.ts";
import { type TextTable, textLookup } from "./textTable.ts";

/**
 * What the section check says beyond the template's own tips: why a mention did not count and
 * what would, style and language notes, and the cross-section rules. "{name}" placeholders are
 * filled by the check.
 */
export const checkTexts = {
  note_plan: {
    id: "“{quote}” masih berupa rencana, jadi belum dihitung. Yang dihitung: {counts}.",
    en: "“{quote}” is still a plan, so it does not count yet. What counts: {counts}.",
  },
  note_negation: {
    id: "“{quote}” menyatakan hal ini belum ada. Yang dihitung: {counts}.",
    en: "“{quote}” says this does not exist yet. What counts: {counts}.",
  },
  note_external_only: {
    id: "“{quote}” adalah evaluasi oleh pihak luar, bukan evaluasi internal. Yang dihitung: {counts}.",
    en: "“{quote}” is an evaluation by an outside party, not an internal one. What counts: {counts}.",
  },
  note_internal_only: {
    id: "“{quote}” dilakukan oleh unit sendiri, bukan evaluasi eksternal. Yang dihitung: {counts}.",
    en: "“{quote}” was done by the unit itself, not an external evaluation. What counts: {counts}.",
  },
  note_study_visit: {
    id: "“{quote}” baru berupa kunjungan atau minat, belum replikasi. Yang dihitung: {counts}.",
    en: "“{quote}” is a visit or an expression of interest, not a replication. What counts: {counts}.",
  },
  note_no_adopter: {
    id: "“{quote}” belum menyebut siapa yang menerapkan. Yang dihitung: {counts}.",
    en: "“{quote}” does not say who applied it. What counts: {counts}.",
  },
  note_no_horizon: {
    id: "“{quote}” belum menyebut kapan akibat itu terjadi. Yang dihitung: {counts}.",
    en: "“{quote}” does not say when the consequence would come. What counts: {counts}.",
  },
  counts_legalBasis: {
    id: "peraturan atau SK yang sudah ditetapkan, dengan nomor dan tahunnya, misalnya “Perbup Nomor 12 Tahun 2021”",
    en: "a regulation or decree already in force, with its number and year, e.g. “Perbup Nomor 12 Tahun 2021”",
  },
  counts_budget: {
    id: "anggaran yang sudah dialokasikan dan sumbernya, misalnya “APBD 2024 sebesar Rp 45 juta” atau “dana desa”",
    en: "a budget already allocated and its source, e.g. “APBD 2024, Rp 45 million” or “dana desa”",
  },
  counts_evaluation: {
    id: "evaluasi yang dilakukan unit sendiri, dengan hasilnya, misalnya “rapat evaluasi bulanan tim inovasi: waktu layanan rata-rata 25 menit”",
    en: "an evaluation the unit ran itself, with its result, e.g. “the team's monthly review: average service time 25 minutes”",
  },
  counts_evaluation_external: {
    id: "penilaian oleh pihak luar yang sudah dilakukan, misalnya audit Inspektorat, penilaian Ombudsman, atau kajian perguruan tinggi, dengan hasilnya",
    en: "an assessment already made by an outside party, e.g. an Inspektorat audit, an Ombudsman assessment or a university study, with its result",
  },
  counts_replication: {
    id: "unit atau daerah lain yang sudah menerapkan, disebut namanya, misalnya “Puskesmas Andalas menerapkan inovasi ini sejak Maret 2023”",
    en: "another unit or region that already applies it, by name, e.g. “Puskesmas Andalas has applied it since March 2023”",
  },
  counts_replicationScale: {
    id: "berapa unit yang sudah menerapkan, misalnya “diterapkan oleh 4 puskesmas di Kabupaten Agam”",
    en: "how many units already apply it, e.g. “applied by 4 puskesmas in Kabupaten Agam”",
  },
  counts_urgency: {
    id: "akibat bila dibiarkan dalam 1–3 tahun, sebaiknya dengan angka, misalnya “pada 2026 diperkirakan 900 kasus”",
    en: "what happens within 1–3 years if nothing is done, ideally with a figure, e.g. “by 2026 an estimated 900 cases”",
  },
  counts_beforeAfter: {
    id: "hasil yang sudah tercapai, dengan angka sebelum dan sesudah, misalnya “waktu layanan dari 3 hari menjadi 1 jam”",
    en: "a result already reached, with before and after figures, e.g. “service time from 3 days to 1 hour”",
  },
  counts_default: {
    id: "hal yang sudah berjalan, ditulis sebagai fakta",
    en: "something already in place, stated as a fact",
  },
  guidance_short: {
    id: "ℹ️ {words} kata; panduan pendampingan {min}–{max} kata (bukan batas resmi, tidak mengurangi kelengkapan).",
    en: "ℹ️ {words} words; the coaching guidance is {min}–{max} words (not an official limit; completeness is not affected).",
  },
  guidance_long: {
    id: "ℹ️ {words} kata; panduan pendampingan paling banyak {max} kata (bukan batas resmi). Juri lebih suka jawaban yang padat.",
    en: "ℹ️ {words} words; the coaching guidance is at most {max} words (not an official limit). Judges prefer dense answers.",
  },
  official_long: {
    id: "⚠️ {words} kata; batas resmi bagian ini {max} kata. Ringkas dulu sebelum diunggah.",
    en: "⚠️ {words} words; the official limit of this section is {max} words. Shorten it before uploading.",
  },
  official_short: {
    id: "⚠️ {words} kata; bagian ini wajib minimal {min} kata menurut ketentuan lomba.",
    en: "⚠️ {words} words; the competition rules require at least {min} words here.",
  },
  padding: {
    id: "⚠️ Jawaban ini panjang ({words} kata) tetapi hampir tanpa fakta: tidak ada angka, nama, atau tanggal. Ganti kalimat umum dengan data, misalnya jumlah warga terlayani, nama desa, atau bulan dan tahun mulai.",
    en: "⚠️ This answer is long ({words} words) but holds almost no facts: no figures, names or dates. Replace general sentences with data, e.g. the number of people served, village names, or the month and year it started.",
  },
  language: {
    id: "⚠️ Bagian ini tampaknya ditulis dalam {language}. Proposal dinilai dalam bahasa Indonesia; tulis ulang dalam bahasa Indonesia.",
    en: "⚠️ This section seems to be written in {language}. Proposals are assessed in Indonesian; rewrite it in Indonesian.",
  },
  abbreviation: {
    id: "✏️ Gaya bahasa: singkatan seperti {found} terbaca seperti pesan singkat. Tulis lengkap (misalnya “yang”, “dengan”, “karena”, “tidak”).",
    en: "✏️ Style: abbreviations such as {found} read like text messages. Write the words out in full.",
  },
  acronym: {
    id: "✏️ Gaya bahasa: singkatan {found} belum dijelaskan. Tulis kepanjangannya saat pertama disebut, misalnya “Sistem Informasi Desa (SID)”.",
    en: "✏️ Style: the acronym(s) {found} are not explained. Spell them out at first use, e.g. “Sistem Informasi Desa (SID)”.",
  },
  vague_claim: {
    id: "✏️ “{quote}” adalah klaim tanpa angka. Juri meminta buktinya: berapa, dibanding apa, menurut data siapa?",
    en: "✏️ “{quote}” is a claim without a figure. Judges ask for the evidence: how much, compared with what, by whose data?",
  },
  consistency_problem_figure: {
    id: "🔗 Angka masalah di Latar Belakang ({figures}) tidak muncul lagi sebagai kondisi “sebelum” di {section}. Pakai angka yang sama agar juri bisa membandingkan.",
    en: "🔗 The problem's figure in the Background ({figures}) does not reappear as the “before” in {section}. Use the same figure so judges can compare.",
  },
  consistency_goal_measured: {
    id: "🔗 Tujuan di Latar Belakang (“{goal}”) belum diukur hasilnya di {section}. Tulis capaian untuk tujuan itu, misalnya angka sebelum dan sesudahnya.",
    en: "🔗 The goal in the Background (“{goal}”) is not measured in {section}. Report what was achieved for that goal, e.g. its before and after figures.",
  },
  consistency_start_year: {
    id: "🔗 Tahun mulai tidak sama: {years}. Samakan di pendaftaran, Ringkasan, dan Implementasi.",
    en: "🔗 The start year differs: {years}. Make it the same in the registration, the Summary and the Implementation.",
  },
  consistency_summary_figure: {
    id: "🔗 Angka di Ringkasan yang tidak ada di bagian lain: {figures}. Setiap angka Ringkasan perlu didukung di isi proposal.",
    en: "🔗 Figures in the Summary that appear nowhere else: {figures}. Every figure in the Summary needs support in the body.",
  },
  consistency_pasted: {
    id: "🔗 Satu paragraf di bagian ini sama dengan paragraf di {section} (“{quote}”). Setiap bagian dinilai terpisah; tulis ulang sesuai pertanyaan bagian ini.",
    en: "🔗 A paragraph here is the same as one in {section} (“{quote}”). Each section is scored separately; rewrite it for this section's questions.",
  },
  registration: { id: "pendaftaran", en: "registration" },
} satisfies TextTable;

export type CheckTextKey = keyof typeof checkTexts;

const lookup = textLookup(checkTexts);

/** One catalog text in both locales, placeholders filled. */
export function checkText(key: CheckTextKey, vars: Record<string, string | number> = {}): Localized {
  return { id: lookup(key, "id", vars), en: lookup(key, "en", vars) };
}

/** Fills a text whose placeholders are themselves localized (a section title, a what-counts text). */
export function checkTextL(key: CheckTextKey, vars: Record<string, string | number | Localized>): Localized {
  const pick = (l: "id" | "en") =>
    Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === "object" ? v[l] : v]));
  return { id: lookup(key, "id", pick("id")), en: lookup(key, "en", pick("en")) };
}
