import { catalog } from "./catalog.ts";

/** How released scores are turned into coaching, Indonesian first. */
export interface FocusTexts {
  header: (stage: string) => string;
  line: (criterion: string, mean: string, max: string, missing: string[]) => string;
  tip: (text: string) => string;
}

const id: FocusTexts = {
  header: (stage) => `Menurut nilai juri tahap ${stage}, yang paling bernilai diperbaiki:`,
  line: (criterion, mean, max, missing) =>
    missing.length
      ? `⚠️ ${criterion} dinilai ${mean}/${max}: ${missing.join(", ")} belum ada`
      : `⚠️ ${criterion} dinilai ${mean}/${max}: unsur yang diperiksa sudah ada di draf; perkuat buktinya (angka, dokumen, kutipan warga)`,
  tip: (text) => `   Tip: ${text}`,
};

const en: FocusTexts = {
  header: (stage) => `From the judges' scores of the ${stage} stage, worth fixing first:`,
  line: (criterion, mean, max, missing) =>
    missing.length
      ? `⚠️ ${criterion} scored ${mean}/${max}: ${missing.join(", ")} still missing`
      : `⚠️ ${criterion} scored ${mean}/${max}: the checked elements are in the draft; strengthen the evidence (numbers, documents, quotes)`,
  tip: (text) => `   Tip: ${text}`,
};

export const focusTexts = catalog<FocusTexts>({ id, en });
