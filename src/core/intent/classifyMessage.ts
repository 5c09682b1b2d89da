import { detectIntent } from "./detectIntent.ts";

/** A request in words that the bot answers with one of its commands. */
export const REQUESTS = [
  "status",
  "scores",
  "help",
  "export",
  "saran",
  "lihat",
  "cek",
  "bagian",
  "riwayat",
  "batal",
] as const;
export type RequestKind = (typeof REQUESTS)[number];

/**
 * What a free-text message sent while a section is open reads as: text of the answer ("draft"),
 * a question to the bot, a greeting or thanks, a request in words, or too unclear to tell.
 */
export type MessageKind = "draft" | "question" | "greeting" | "unsure" | RequestKind;

export const MESSAGE_KINDS: readonly MessageKind[] = ["draft", "question", "greeting", "unsure", ...REQUESTS];

/** Longer than this, a message is text of the answer whatever it starts with. */
const DRAFT_WORDS = 20;
/** A command in words is a short imperative; a sentence of a draft is longer. */
const REQUEST_WORDS = 8;

const GREETING =
  /^(halo+|hallo+|hai+|hi+|hey|hello|helo|ping|assalamu.?alaikum.*|salam|selamat (pagi|siang|sore|malam)|good (morning|afternoon|evening)|permisi|terima ?kasih|makasih|trims|thanks?|thank you|thx|ok(e|ay)?|siap|baik)([\s,]+(pak|bu|bapak|ibu|kak|min|mas|mbak|banyak|ya|yaa|bapak\/ibu|siap|atas bantuannya|sekali))*[\s!.,🙏👍]*$/u;

/** Polite openers people put before a request ("tolong ekspor…", "saya mau lihat…"). */
const OPENER = String.raw`^(?:(?:tolong|mohon|minta|coba|saya mau|saya ingin|bisa|boleh|ingin|mau|please|can you|i want to)\s+)*`;
const req = (body: string) => new RegExp(`${OPENER}(?:${body})[\\s?.!]*$`);

const REQUEST_RULES: [RequestKind, RegExp][] = [
  [
    "help",
    req(
      String.raw`bantuan|help|menu|perintah(nya)?( apa( saja)?)?|daftar perintah|(bagaimana|gimana) cara (pakai|memakai|menggunakan) (bot|klinik)( ini)?|how (do i )?use (this|the) bot`,
    ),
  ],
  [
    "export",
    req(
      String.raw`(ekspor|export|unduh|download|kirim(kan)?|minta)\s+(file\s+|berkas\s+)?(docx\s+|word\s+)?(draf\s+|draft\s+)?(proposal|dokumen|docx|word)(\s+(saya|kami|kita|ini))?(\s+dalam\s+(word|docx|pdf))?`,
    ),
  ],
  [
    "saran",
    req(
      String.raw`(beri|kasih|berikan)?\s*saran(\s+(untuk|perbaikan|bagian))*(\s+(bagian|ini|perbaikan|saya))*`,
    ),
  ],
  ["riwayat", req(String.raw`(lihat\s+)?(riwayat|versi (sebelumnya|lama))(\s+(bagian ini|saya|draf))?`)],
  [
    "lihat",
    req(
      String.raw`(lihat|tampilkan|tunjukkan|show)\s+(draf|draft|tulisan|jawaban|teks)(\s+(saya|kami|bagian ini|sejauh ini|yang sudah ada))*`,
    ),
  ],
  ["cek", req(String.raw`(cek|periksa|check)(\s+(kelengkapan|seluruh|semua|proposal|saya|kami))+`)],
  ["bagian", req(String.raw`(daftar|pindah( ke)?|ganti|pilih|buka)\s+bagian(\s+(lain|lainnya|berikutnya))?`)],
  ["batal", req(String.raw`batal(kan)?|cancel`)],
];

const QUESTION_WORD =
  /^(apa|apakah|apa itu|bagaimana|gimana|gmn|kenapa|mengapa|berapa|kapan|siapa|di ?mana|kemana|ke mana|bolehkah|bisakah|haruskah|perlukah|maksud(nya)?|yang dimaksud|what|how|why|when|where|which|who|can|could|should|is|are|do|does)\b/;
/** Words that turn a short sentence into a request to the bot, with or without a mark. */
const TO_BOT =
  /\b(maksud(nya)?|dimaksud|contoh(nya)?|bingung|penjelasan|jelaskan|dijelaskan|harus (diisi|ditulis|pakai)|perlu (diisi|ditulis)|boleh|bolehkah|apa bedanya|mean|explain)\b/;
const ADDRESS = /^(pak|bu|bapak|ibu|kak|min|mas|mbak|admin)\b[\s,]*/;

/**
 * Rules only, no I/O: question words and marks, greetings, known requests, length. Built so that
 * a passage of a draft that asks a question and answers it ("Apa yang kami lakukan? Kami membuka
 * layanan…") stays text of the answer: only a message that ends on its question counts.
 */
export function classifyMessage(text: string): MessageKind {
  const t = text.toLowerCase().replace(/\s+/g, " ").trim().replace(ADDRESS, "");
  if (!t) return "unsure";
  const words = t.split(" ").length;
  if (words > DRAFT_WORDS) return "draft";
  if (GREETING.test(t)) return "greeting";
  if (words <= REQUEST_WORDS) {
    for (const [kind, rule] of REQUEST_RULES) if (rule.test(t)) return kind;
  }
  const known = detectIntent(t);
  if (known) return known;
  const sentences = t.split(/(?<=[.?!])\s+/).filter((s) => s.trim());
  const last = sentences[sentences.length - 1] ?? t;
  const endsAsking = /\?\s*$/.test(last);
  // A question followed by its answer is how drafts are often written.
  if (sentences.length > 1 && !endsAsking) return "draft";
  if (endsAsking) {
    if (
      QUESTION_WORD.test(last) ||
      TO_BOT.test(last) ||
      /\b(ya|kah|tidak|nggak|gak|pak|bu)\s*\?+$/.test(last)
    )
      return "question";
    // A bare phrase with a mark ("Inovasi kami?") could be either.
    return words <= 4 ? "unsure" : "question";
  }
  if (TO_BOT.test(t) && words <= 10) return "question";
  if (QUESTION_WORD.test(t)) return words <= 3 ? "unsure" : "draft";
  if (words <= 2 && !/\d/.test(t)) return "unsure";
  return "draft";
}
