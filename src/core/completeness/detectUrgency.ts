import { absent, type DetectorResult, found, rejected, sentences } from "./detectorResult.ts";
import { findQuantities, findYears } from "./quantities.ts";

/** A horizon: "dalam 3 tahun", "tiga tahun ke depan", "pada 2026", "tahun depan", "2025–2027". */
const HORIZON =
  /(?<!\p{L})(?:(?:dalam|dlm|selama|hingga|sampai|pada|di|per|by|within|in)\s+(?:waktu\s+)?(?:\d+(?:\s?[-–]\s?\d+)?|satu|dua|tiga|empat|lima|beberapa)\s+(?:tahun|thn|th|bulan|bln|years?|months?)|(?:\d+(?:\s?[-–]\s?\d+)?|satu|dua|tiga|empat|lima|beberapa)\s+(?:tahun|thn|bulan)\s+(?:ke\s*depan|mendatang|lagi|berikutnya)|tahun\s+(?:depan|mendatang|berikutnya)|(?:pada|di|hingga|sampai|tahun|thn|by|in)\s+(?:(?:akhir|awal|pertengahan|the\s+end\s+of)\s+)?(?:tahun\s+)?20[2-4]\d|jangka\s+(?:pendek|menengah)|next\s+(?:year|\d+\s+years))(?!\p{L})/iu;
/** A consequence foreseen: predicted, at risk, or what "will" happen to a measure. */
const CONSEQUENCE =
  /(?<!\p{L})(?:diperkirakan|memperkirakan|diprediksi|memprediksi|diproyeksikan|proyeksi|diprakirakan|berpotensi|berisiko|berpeluang|terancam|mengancam|dikhawatirkan|estimated|projected|expected\s+to|would|risk)(?!\p{L})|(?<!\p{L})(?:akan|bisa|dapat|will)\s+(?:terus\s+|semakin\s+|makin\s+)?(?:meningkat|bertambah|naik|melonjak|menurun|turun|berkurang|memburuk|mencapai|terjadi|menumpuk|membengkak|hilang|kehilangan|tertinggal|gagal|menjadi|mengalami|menyebabkan|mengakibatkan|berdampak|rise|increase|grow|reach|fall|lose)(?!\p{L})/iu;
/** "akan terus berupaya", "akan meningkatkan layanan": the unit's intention, not a consequence. */
const INTENTION =
  /(?<!\p{L})akan\s+(?:terus\s+|selalu\s+|senantiasa\s+)?(?:berupaya|berusaha|berkomitmen|berinovasi|meningkatkan|mengembangkan|melakukan|memberikan|melanjutkan|mendorong|menjaga)(?!\p{L})/iu;
const CONDITION =
  /(?<!\p{L})(?:jika|jk|bila|apabila|kalau|klo|kalo|seandainya|tanpa|if|without)(?:\s+[\p{L}-]+){0,4}?\s+(?:tidak|dibiarkan|tanpa|nothing|left)(?!\p{L})|(?<!\p{L})tanpa\s+(?:inovasi|intervensi|penanganan)(?!\p{L})/iu;

/**
 * Urgency as the judges read it: the consequence of doing nothing, with a horizon (1–3 years or
 * a year), ideally with a figure ("pada 2026 diperkirakan 900 kasus"). The unit's intentions
 * ("akan terus berupaya") and a consequence without a horizon do not count; the latter is
 * quoted back asking for the year.
 */
export function detectUrgency(text: string): DetectorResult {
  let why: DetectorResult | undefined;
  for (const s of sentences(text)) {
    const sentence = s.text;
    const conditional = CONDITION.test(sentence);
    // "apabila tidak ada …, TPA akan penuh": under a condition, what "will" happen is the consequence
    const consequence =
      CONSEQUENCE.exec(sentence) ??
      (conditional ? /(?<!\p{L})(?:akan|bisa|dapat|would|will)(?!\p{L})/iu.exec(sentence) : null);
    if (!consequence && !conditional) continue;
    if (
      consequence &&
      INTENTION.test(sentence) &&
      !conditional &&
      !/diperkirakan|diprediksi|diproyeksikan/iu.test(sentence)
    )
      continue;
    const horizon = HORIZON.exec(sentence) ?? futureYear(sentence);
    if (horizon && (consequence || findQuantities(sentence).length > 0)) return found(short(sentence));
    if (consequence || conditional) why ??= rejected("no_horizon", sentence);
  }
  return why ?? absent;
}

/** A year named beside a prediction, "… 900 kasus (2026)". */
function futureYear(sentence: string): RegExpExecArray | null {
  const y = findYears(sentence).find((x) => Number(x.text) >= 2024);
  return y && /diperkirakan|diprediksi|diproyeksikan|proyeksi/iu.test(sentence)
    ? /\d{4}/u.exec(y.text)
    : null;
}

function short(quote: string): string {
  const q = quote.trim();
  return q.length <= 100 ? q : `${q.slice(0, q.lastIndexOf(" ", 98))}…`;
}
