import { catalog } from "./catalog.ts";

/** Texts of /saran and the whole-proposal review. Indonesian first. */
export interface AdviceTexts {
  noSection: string;
  emptySection: string;
  ruleIntro: string;
  reviewHeading: string;
  consistency: string;
  ringkasanMatches: string;
  ringkasanDiffers: string;
  suggestions: string;
  aboutSection: (title: string) => string;
  aboutProposal: string;
}

const id: AdviceTexts = {
  noSection: "Belum ada bagian yang sedang dikerjakan. Buka bagian lewat /bagian, lalu ketik /saran.",
  emptySection: "Bagian ini masih kosong. Tulis jawabannya dulu, lalu ketik /saran.",
  ruleIntro: "Saran berdasarkan kriteria penilaian:",
  reviewHeading: "Tinjauan seluruh proposal (AI)",
  consistency: "Keselarasan masalah → strategi → hasil",
  ringkasanMatches: "Ringkasan sesuai isi proposal",
  ringkasanDiffers: "Ringkasan belum mencerminkan isi proposal",
  suggestions: "Saran utama",
  aboutSection: (title) => `bagian "${title}"`,
  aboutProposal: "seluruh proposal",
};

const en: AdviceTexts = {
  noSection: "No section is open yet. Open one with /bagian, then type /saran.",
  emptySection: "This section is still empty. Write the answer first, then type /saran.",
  ruleIntro: "Advice from the judging criteria:",
  reviewHeading: "Whole-proposal review (AI)",
  consistency: "Problem → strategy → result consistency",
  ringkasanMatches: "The summary matches the body",
  ringkasanDiffers: "The summary does not yet reflect the body",
  suggestions: "Main suggestions",
  aboutSection: (title) => `the section "${title}"`,
  aboutProposal: "the whole proposal",
};

export const adviceTexts = catalog<AdviceTexts>({ id, en });
