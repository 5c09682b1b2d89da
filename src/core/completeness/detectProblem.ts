import { absent, type DetectorResult, found, sentences } from "./detectorResult.ts";
import { findQuantities } from "./quantities.ts";

/** Words that describe something wrong before the innovation. */
const TROUBLE =
  /(?<!\p{L})(?:masalah|permasalahan|kendala|hambatan|kesulitan|sulit|susah|belum|tidak|tdk|kurang|rendah|tinggi(?:nya)?|terbatas|keterbatasan|lambat|lama|jauh|mahal|terlambat|keterlambatan|menumpuk|penumpukan|antre|antri|mengantre|menunggu|harus|hanya|sering|banyak|rawan|manual|ganda|tertunda|dipasung|kasus|kematian|putus|gagal|tercecer|hilang|keluhan|pengaduan|tanpa|stunting|gizi\s+buruk|BBLR|AKI|AKN|pasung|penyakit|miskin|kemiskinan|buta\s+huruf|problem|only|had\s+to|low|high|long|slow|waited?)(?!\p{L})/iu;
/** "Masalahnya adalah pelayanan kesehatan": a heading word with nothing specific after it. */
const SLOGAN =
  /(?<!\p{L})(?:masalah|permasalahan)(?:nya)?\s+(?:adalah|yaitu|ialah)\s+(?:\p{L}+\s*){1,3}[.!]?$/iu;

/**
 * A specific problem: a sentence saying what was wrong (people had to travel, waited, were left
 * out, a rate was low) with a figure or enough detail to be checked. A bare "masalahnya adalah
 * pelayanan kesehatan" is not specific.
 */
export function detectProblem(text: string): DetectorResult {
  for (const s of sentences(text)) {
    const sentence = s.text.trim();
    if (SLOGAN.test(sentence)) continue;
    const m = TROUBLE.exec(sentence);
    if (!m) continue;
    const words = sentence.split(/\s+/u).length;
    if (findQuantities(sentence).length > 0 || words >= 7) return found(short(sentence));
  }
  return absent;
}

function short(q: string): string {
  return q.length <= 100 ? q : `${q.slice(0, q.lastIndexOf(" ", 98))}…`;
}
