import { absent, type DetectorResult, found, sentences } from "./detectorResult.ts";
import { findQuantities } from "./quantities.ts";

const GOAL =
  /(?<!\p{L})(?:tujuan(?:nya)?|bertujuan|ditujukan|sasaran(?:nya)?|target(?:nya)?|ditargetkan|agar|supaya|aims?|objectives?|goals?|to\s+(?:reduce|raise|increase|cut|bring))(?!\p{L})/iu;
/** Slogans that name no change: "mewujudkan pelayanan prima", "meningkatkan kepuasan masyarakat". */
const SLOGAN =
  /(?<!\p{L})(?:pelayanan\s+prima|kualitas\s+pelayanan(?:\s+publik)?|kepuasan\s+masyarakat|pelayanan\s+(?:publik\s+)?yang\s+(?:lebih\s+)?baik|good\s+governance|tata\s+kelola|memiliki\s+(?:minimal\s+)?(?:satu\s+)?inovasi|warga\s+tahu|excellent\s+service)(?!\p{L})/iu;
/** A measure or a group the goal is about. */
const SPECIFIC =
  /(?<!\p{L})(?:cakupan|waktu|angka|jumlah|kasus|persen|biaya|jarak|antrean|antrian|lansia|balita|ibu\s+hamil|penyandang\s+disabilitas|pasien|siswa|anak|petani|nelayan|umkm|pelaku\s+usaha|wajib\s+pajak|pemohon|warga\s+miskin|coverage|backlog|waiting|cases|rate)(?!\p{L})/iu;

/**
 * An objective that names what should change and/or for whom ("menaikkan cakupan perekaman
 * KTP-el lansia di atas 90% pada 2023"). Slogans ("mewujudkan pelayanan prima", "meningkatkan
 * kualitas pelayanan publik", meeting an innovation quota) are not objectives.
 */
export function detectGoal(text: string): DetectorResult {
  for (const s of sentences(text)) {
    const sentence = s.text.trim();
    const m = GOAL.exec(sentence);
    if (!m) continue;
    const rest = sentence.slice(m.index);
    if (SLOGAN.test(rest) && findQuantities(rest).length === 0 && !SPECIFIC.test(rest)) continue;
    if (findQuantities(rest).length > 0 || SPECIFIC.test(rest)) return found(short(sentence));
  }
  return absent;
}

function short(q: string): string {
  return q.length <= 100 ? q : `${q.slice(0, q.lastIndexOf(" ", 98))}…`;
}
