/**
 * Recognises a plain-language question about a proposal's status or scores ("status proposal
 * kami gimana?", "berapa nilai kami?", "what is our score"). Deliberately narrow: only short
 * messages, and words that also occur in proposal text ("nilai tambah", "status gizi") do not
 * count, so a paragraph of a section is never taken for a question.
 */
export type Intent = "status" | "scores";

const MAX_WORDS = 14;

const SCORES: RegExp[] = [
  /\b(berapa|bagaimana|gimana|gmn|lihat|cek|mana|apa)\b.{0,30}\b(nilai|skor|score|peringkat|ranking)\b/,
  /\b(nilai|skor|peringkat|ranking)\s+(kami|saya|kita|kmi|proposal|inovasi|tahap|akhir|kelompok)\b/,
  /\bhasil\s+(penilaian|evaluasi|seleksi)\b/,
  /^(nilai|skor|nilainya|skornya)\s*\??$/,
  /\b(our|my|the)\s+(score|scores|scoring|ranking|rank|marks?)\b/,
  /\b(what|how)\b.{0,30}\b(score|scored|rank|ranked|ranking)\b/,
];

const STATUS: RegExp[] = [
  /\bstatus\s+(proposal|inovasi|kami|saya|kita|pendaftaran|usulan|pengajuan)\b/,
  /\b(proposal|inovasi|usulan)\s+(kami|saya|kita)\s+(sudah|sampai|bagaimana|gimana|lolos|masuk)\b/,
  /\b(sudah|sampai)\s+(sampai\s+)?(tahap|mana)\b/,
  /\btahap\s+(apa|mana|berapa)\b/,
  /\b(apakah|sudah)\b.{0,20}\blolos\b/,
  /\bperkembangan\s+(proposal|inovasi|usulan)\b/,
  /^status\s*\??$/,
  /\b(proposal|application|submission)\s+status\b/,
  /\bstatus\s+of\s+(our|my|the)\b/,
  /\b(what|which)\s+stage\b/,
  /\bwhere\s+(is|are)\s+(our|my)\b/,
  /\b(did|have|has)\s+(we|i|our|my)\b.{0,25}\b(pass|passed|advance|advanced|qualify|qualified)\b/,
];

export function detectIntent(text: string): Intent | undefined {
  const t = text.toLowerCase().replace(/\s+/g, " ").trim();
  if (!t || t.startsWith("/")) return undefined;
  if (t.split(" ").length > MAX_WORDS) return undefined;
  const cleaned = t.replace(/\bnilai\s+tambah\b/g, " ");
  if (SCORES.some((r) => r.test(cleaned))) return "scores";
  if (STATUS.some((r) => r.test(cleaned))) return "status";
  return undefined;
}
