import { catalog } from "./catalog.ts";

/** Texts around LLM advice. Only LLM output is labelled "AI"; rule-only feedback is rendered by the app without it. Indonesian first. */
export interface FeedbackTexts {
  heading: string;
  rating1: string;
  rating2: string;
  rating3: string;
  gap: string;
  nextStep: string;
  example: string;
  adviceOnly: string;
}

const id: FeedbackTexts = {
  heading: "Saran tambahan (AI)",
  rating1: "belum terlihat",
  rating2: "sebagian",
  rating3: "sudah kuat",
  gap: "Yang kurang",
  nextStep: "Langkah berikut",
  example: "Contoh kalimat (isi bagian [ ] dengan data Bapak/Ibu sendiri)",
  adviceOnly:
    "Ini saran untuk perbaikan, bukan nilai resmi. Penilaian tetap oleh Tim Evaluasi dan Tim Panel Independen.",
};

const en: FeedbackTexts = {
  heading: "Additional suggestions (AI)",
  rating1: "not yet evident",
  rating2: "partly there",
  rating3: "strong",
  gap: "What is missing",
  nextStep: "Next step",
  example: "Example sentence (fill in the [ ] with your own data)",
  adviceOnly: "This is advice for improving the text, not an official score. Judging stays with the judges.",
};

export const feedbackTexts = catalog<FeedbackTexts>({ id, en });
