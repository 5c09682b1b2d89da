/** What a ticket is about; "banding" is an appeal of released scores. */
export const TICKET_KINDS = ["status", "nilai", "teknis", "lainnya"] as const;
export type QuestionKind = (typeof TICKET_KINDS)[number];
export type TicketKind = QuestionKind | "banding";

const SIGNS: [QuestionKind, RegExp][] = [
  ["nilai", /\b(nilai|skor|score|poin|bobot|juri|penilaian|peringkat|rank)/i],
  [
    "teknis",
    /\b(error|eror|gagal|tidak bisa|ga bisa|gak bisa|unggah|upload|login|masuk|sinovik|akun|password|sandi|file|berkas|link|tautan)/i,
  ],
  ["status", /\b(status|tahap|lolos|verifikasi|pengumuman|jadwal|kapan|deadline|batas waktu|top ?\d+)/i],
];

/** The likeliest kind of a question from its words (offered first; the person confirms). */
export function inferKind(text: string): QuestionKind {
  for (const [kind, re] of SIGNS) if (re.test(text)) return kind;
  return "lainnya";
}

/** An appeal's reason must be at least a sentence: a few words, not "tidak adil". */
export function isSentence(text: string): boolean {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  return words.length >= 6 && text.trim().length >= 30;
}
