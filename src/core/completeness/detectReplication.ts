import { absent, type DetectorResult, found, rejected, sentences } from "./detectorResult.ts";
import { NUM_WORD } from "./quantities.ts";
import { notDoneAt } from "./statedAsDone.ts";

/** Saying that someone else put the innovation to work. */
const IMPLEMENTED =
  /(?<!\p{L})(?:direplikasi(?:kan)?|mereplikasi(?:kan)?|replikasi(?:nya)?\s+(?:di|oleh|ke)|dicontoh|mencontoh|diadopsi|mengadopsi|ditiru|diduplikasi|(?:telah|sudah|sdh|udah|juga|turut|ikut|mulai|kemudian)\s+(?:\p{L}+\s+)?(?:menerapkan|menjalankan|melaksanakan|mengembangkan|memakai|menggunakan|mengadopsi|meniru|mereplikasi)|(?:telah|sudah|sdh|udah)\s+(?:di(?:terapkan|pakai|gunakan|jalankan|kembangkan|adopsi|tiru|contoh|replikasi(?:kan)?))|(?:dipakai|digunakan|dijalankan|diadopsi)\s+(?:pula\s+|juga\s+)?(?:oleh|di)|replikasi\s+(?:telah|sudah|sdh)\s+(?:dilakukan|dilaksanakan|berjalan)|menerapkan\s+(?:inovasi|layanan|aplikasi|sistem|program|model|cara)\s+(?:serupa|yang\s+sama|ini|tersebut)|diterapkan\s+(?:pula\s+|juga\s+)?(?:di|oleh)|dikembangkan\s+(?:pula\s+|juga\s+)?(?:di|oleh)|diikuti\s+oleh|replicated|adopted\s+by|implemented\s+by)(?!\p{L})/giu;
/** Interest and visits are not replication: "studi banding", "tertarik meniru". */
const INTEREST =
  /(?<!\p{L})(?:studi\s+banding|studi\s+tiru|kunjungan(?:\s+(?:kerja|belajar|lapangan))?|benchmarking|tertarik|berminat|minat|mempelajari|belajar|menanyakan|meminta\s+informasi|study\s+visit|interested)(?!\p{L})/iu;
/** A claim of what could happen: "dapat direplikasi", "berpotensi diadopsi". */
const CLAIM_BEFORE =
  /(?<!\p{L})(?:dapat|bisa|mudah|layak|berpotensi|potensial|potensi|memungkinkan|siap|mungkin|could|can|may|potential|easy\s+to)(?:\s+[\p{L}-]+){0,2}\s+$/iu;

const PLACE =
  "puskesmas|pustu|polindes|kabupaten|kab\\.?|kota|kecamatan|kec\\.|desa|kelurahan|kel\\.|nagari|gampong|dinas|rsud|rs|rumah\\s+sakit|provinsi|pemkab|pemkot|pemprov|pemda|sekolah|sd|smp|sma|smk|upt|uptd|samsat|kantor|bagian|badan|opd|perangkat\\s+daerah|instansi|unit|posyandu|mpp|mal\\s+pelayanan\\s+publik";
/** "Puskesmas Lubuk Buaya", "Kabupaten Agam", "Dinas Kesehatan Kota Padang". */
const NAMED_ADOPTER = new RegExp(
  String.raw`(?<!\p{L})(?:${PLACE})\s+(?:[\p{Lu}][\p{L}'-]*|\d+)(?:\s+[\p{Lu}][\p{L}'-]*)*`,
  "gu",
);
const NAMED_ADOPTER_CI = new RegExp(
  NAMED_ADOPTER.source.replace(`(?:${PLACE})`, `(?:${capitalised(PLACE)})`),
  "gu",
);
/** "4 puskesmas", "dua kabupaten", "12 desa lain". */
const COUNTED_ADOPTERS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d+|${NUM_WORD})\s+(?:${PLACE}|kabupaten\/kota|daerah|pemda|k\/l|lokasi|wilayah|satuan\s+kerja|satker)(?!\p{L})`,
  "giu",
);

/** The sentences that state a replication by others as done, or why none does. */
function replicationSentences(text: string): { done: string[]; why?: DetectorResult } {
  const done: string[] = [];
  let why: DetectorResult | undefined;
  for (const s of sentences(text)) {
    const sentence = s.text;
    const verbs = [...sentence.matchAll(IMPLEMENTED)].filter((m) => {
      const before = sentence.slice(Math.max(0, m.index - 40), m.index);
      if (CLAIM_BEFORE.test(before)) return false;
      return !notDoneAt(text, s.start + m.index, s.start + m.index + m[0].length);
    });
    if (verbs.length === 0) {
      const interest = INTEREST.exec(sentence);
      if (interest) why ??= rejected("study_visit", sentence);
      else if (
        new RegExp(IMPLEMENTED.source, "iu").test(sentence) ||
        /replikasi|adopsi|ditiru/iu.test(sentence)
      )
        why ??= rejected("plan", sentence);
      continue;
    }
    // "tertarik meniru" is interest, even though "meniru" is a verb of adoption
    if (
      INTEREST.test(sentence) &&
      !verbs.some((v) => /telah|sudah|sdh|direplikasi|diterapkan|dicontoh/iu.test(v[0]))
    ) {
      why ??= rejected("study_visit", sentence);
      continue;
    }
    if (adopters(sentence) === 0 && !/(?<!\p{L})(?:oleh|di)\s+\p{Lu}/u.test(sentence)) {
      why ??= rejected("no_adopter", sentence);
      continue;
    }
    done.push(sentence.trim());
  }
  return why ? { done, why } : { done };
}

/**
 * Evidence that others replicated the innovation: an adopter named or counted ("dicontoh oleh
 * 4 puskesmas", "Kabupaten Agam telah menerapkan inovasi serupa") with a verb saying it was
 * done. A claim that it could be ("dapat direplikasi"), a plan, a study visit or interest does
 * not count.
 */
export function detectReplication(text: string): DetectorResult {
  const r = replicationSentences(text);
  const first = r.done[0];
  if (first) return found(short(first));
  return r.why ?? absent;
}

/**
 * The scale of replication: how many adopters implemented it, counted ("4 puskesmas") or named
 * (each named adopter counts one), in a sentence that states the replication as done. Other numbers in the
 * section ("2 orang pendamping") are not its scale.
 */
export function detectReplicationScale(text: string): DetectorResult {
  const r = replicationSentences(text);
  for (const s of r.done) {
    const counted = new RegExp(COUNTED_ADOPTERS.source, "iu").exec(s);
    if (counted) return found(counted[0]);
  }
  // named adopters are counted: one named unit that applies it is a scale of one
  const named = r.done.flatMap((s) => adopterNames(s));
  if (named.length > 0) return found([...new Set(named)].slice(0, 3).join(", "));
  // a count can also stand in a sentence of its own: "Hingga 2024 sudah ada 6 desa."
  for (const s of sentences(text)) {
    const counted = new RegExp(COUNTED_ADOPTERS.source, "iu").exec(s.text);
    if (
      counted &&
      r.done.length > 0 &&
      /(?<!\p{L})(?:replikasi|menerapkan|mereplikasi|mengadopsi|diterapkan)/iu.test(s.text)
    )
      return found(counted[0]);
  }
  return r.why && r.done.length === 0 ? r.why : absent;
}

function adopterNames(sentence: string): string[] {
  return [...sentence.matchAll(NAMED_ADOPTER_CI)].map((m) => m[0].trim());
}

function adopters(sentence: string): number {
  return adopterNames(sentence).length + [...sentence.matchAll(COUNTED_ADOPTERS)].length;
}

/** "puskesmas|kota" → patterns matching "Puskesmas", "puskesmas", "PUSKESMAS". */
function capitalised(alternatives: string): string {
  return alternatives.replace(
    /(^|\|)([a-z])/gu,
    (_, sep: string, c: string) => `${sep}[${c}${c.toUpperCase()}]`,
  );
}

function short(quote: string): string {
  return quote.length <= 100 ? quote : `${quote.slice(0, quote.lastIndexOf(" ", 98))}…`;
}
