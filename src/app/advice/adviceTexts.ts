import type { Locale } from "../../core/i18n/locale.ts";

/** Texts of /saran and the whole-proposal review (Indonesian first). */
export const adviceTexts = {
  noSection: {
    id: "Belum ada bagian yang sedang dikerjakan. Buka bagian lewat /bagian, lalu ketik /saran.",
    en: "No section is open yet. Open one with /bagian, then type /saran.",
  },
  emptySection: {
    id: "Bagian ini masih kosong. Tulis jawabannya dulu, lalu ketik /saran.",
    en: "This section is still empty. Write the answer first, then type /saran.",
  },
  ruleIntro: { id: "Saran berdasarkan kriteria penilaian:", en: "Advice from the judging criteria:" },
  reviewHeading: { id: "Tinjauan seluruh proposal (AI)", en: "Whole-proposal review (AI)" },
  consistency: {
    id: "Keselarasan masalah → strategi → hasil",
    en: "Problem → strategy → result consistency",
  },
  ringkasanMatches: { id: "Ringkasan sesuai isi proposal", en: "The summary matches the body" },
  ringkasanDiffers: {
    id: "Ringkasan belum mencerminkan isi proposal",
    en: "The summary does not yet reflect the body",
  },
  suggestions: { id: "Saran utama", en: "Main suggestions" },
} as const satisfies Record<string, Record<Locale, string>>;

export function adviceText(key: keyof typeof adviceTexts, locale: Locale): string {
  return adviceTexts[key][locale];
}
