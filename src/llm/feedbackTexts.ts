import type { Locale } from "../core/i18n/locale.ts";
import { textLookup } from "../core/i18n/textTable.ts";

/**
 * Texts around LLM advice (Indonesian first). Only LLM output is labelled "AI"; rule-only feedback
 * is rendered by the app without it.
 */
export const feedbackTexts = {
  heading: { id: "Saran tambahan (AI)", en: "Additional suggestions (AI)" },
  rating1: { id: "belum terlihat", en: "not yet evident" },
  rating2: { id: "sebagian", en: "partly there" },
  rating3: { id: "sudah kuat", en: "strong" },
  gap: { id: "Yang kurang", en: "What is missing" },
  nextStep: { id: "Langkah berikut", en: "Next step" },
  example: {
    id: "Contoh kalimat (isi bagian [ ] dengan data Bapak/Ibu sendiri)",
    en: "Example sentence (fill in the [ ] with your own data)",
  },
  adviceOnly: {
    id: "Ini saran untuk perbaikan, bukan nilai resmi. Penilaian tetap oleh Tim Evaluasi dan Tim Panel Independen.",
    en: "This is advice for improving the text, not an official score. Judging stays with the judges.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type FeedbackTextKey = keyof typeof feedbackTexts;

export const feedbackText = textLookup(feedbackTexts);
