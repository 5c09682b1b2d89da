import { memoByText } from "./memo.ts";

/**
 * Finds quantities in Indonesian prose: a number that carries a unit, so that it measures
 * something ("61%", "1.250 jiwa", "Rp 5 juta", "30 menit", "tiga hari", "14 km"). A bare year,
 * a regulation number ("Nomor 12 Tahun 2021") or a date is not a quantity: judges want measures,
 * and a year says nothing about the size of a problem or of an impact.
 */
export function findQuantities(text: string): Span[] {
  // callers may sort or filter the result: hand out a copy of the cached spans
  return [...quantitiesOf(text)];
}

const quantitiesOf = memoByText(scanQuantities);

function scanQuantities(text: string): Span[] {
  const spans: Span[] = [];
  for (const [re, kind] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const value = m[0];
      const end = start + value.length;
      if (isCitationOrLabel(text, start, end)) continue;
      if (re !== PERCENT && re !== MONEY && isBareYear(value)) continue;
      spans.push({ start, end, text: value.trim(), unit: kind ?? unitOf(value) });
    }
  }
  return mergeOverlaps(spans, text);
}

/** A located piece of text. */
export interface Span {
  start: number;
  end: number;
  text: string;
  /** For quantities: what is measured ("%", "Rp", "hari", "jiwa"), to pair like with like. */
  unit?: string;
}

/** Years 1990–2039 standing alone (not inside a number, a date written with slashes or a citation). */
export function findYears(text: string): Span[] {
  return [...yearsOf(text)];
}

const yearsOf = memoByText(scanYears);

function scanYears(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(YEAR)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (/(?:nomor|nomer|no\.?)\s*[\w./-]+\s+(?:tahun|thn)\s+$/iu.test(before)) continue;
    // "UU 25 Tahun 2009", "Perbup 12/2021": the year of a regulation, not of the innovation
    if (
      /(?<![\p{L}])(?:UU|PP|Perpres|Permen\p{L}*|Perda|Perbup|Perwal\p{L}*|Pergub|Inpres|Keppres)\s*\d+\s*(?:tahun|thn|\/)\s*$/iu.test(
        before,
      )
    )
      continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Digits as Indonesians write them: 1.250 (thousands), 2,5 (decimal), 1250, 2.5. */
export const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
export const NUM_WORD =
  "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|setengah";
export const MAG = "ribu|rb|juta|jt|miliar|milyar|triliun";
export const UNITS = [
  // people
  "jiwa|orang|org|warga|penduduk|kk|kepala keluarga|keluarga|rumah tangga|lansia|penyandang disabilitas",
  "penyandang|disabilitas|pasien|balita|bayi|ibu hamil|bumil|ibu|anak|siswa|murid|pelajar|mahasiswa",
  "peserta|pengunjung|pemohon|pengguna|responden|petugas|pegawai|asn|kader|tenaga|dokter|bidan|perawat",
  "operator|admin|penyuluh|pengelola|pengurus|pendamping|relawan|pelanggan|wajib pajak|umkm|pelaku usaha|nasabah|penerima|korban|keluarga penerima",
  // time and frequency
  "detik|dtk|menit|mnt|jam|hari|hr|hari kerja|minggu|mgg|pekan|bulan|bln|tahun|thn|kali|x|shift",
  // distance, size, weight
  "km|kilometer|meter|m|m2|m²|cm|kg|ton|liter|ha|hektar|hektare",
  // things counted in public services
  "unit|buah|dokumen|berkas|ktp-el|ktp|kia|akta|akte|kartu|sertifikat|surat|layanan|jenis layanan",
  "pengaduan|aduan|keluhan|permohonan|laporan|kasus|kunjungan|antrean|antrian|transaksi|lokasi|titik",
  "desa|kelurahan|nagari|kecamatan|kabupaten|kota|kabupaten/kota|provinsi|daerah|instansi|opd|puskesmas",
  "posyandu|sekolah|rt|rw|dusun|kegiatan|sesi|armada|mobil|motor|kendaraan|perangkat|set|paket|lembar",
  "item|jenis|tahapan|inovasi|rumah|gedung|ruang|loket|formulir|persyaratan|syarat|langkah|prosedur",
  "tempat tidur|bed|resep|sampel|dosis|vaksin|rekam medis|unit kerja|pos|kios|meja|aplikasi|tim",
  "server|tablet|hp|laptop|komputer|printer|kursi|toilet|gerai|sumur|pompa|perahu|speedboat",
  // English, for sections written in English (flagged for their language, read for their content)
  "hours|hour|minutes|minute|days|day|weeks|months|years|people|persons|applicants|patients|villages|files",
  "cases|households|families|residents|applications|visits|units|clinics|midwives|officers|staff",
  "cadres|motorbikes|smartphones|seats|toilets|computers|tablets",
  "per\\s+\\p{L}+",
].join("|");

const B = String.raw`(?<![\p{L}\p{N}.,/\-])`; // not inside a word, a number, a date or a range end
const E = String.raw`(?![\p{L}\p{N}])`;
const RANGE = String.raw`(?:\s?[-–]\s?(?:${NUM}))?`;
const RATE = String.raw`(?:\s?(?:per\s+|\/\s?)\p{L}+${E})?`; // "350 pemohon per hari", "Rp 75.000/orang"
const MONEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])Rp\.?\s?(?:${NUM})(?:\s?(?:${MAG})${E})?(?:,-)?${RATE}`,
  "giu",
);
const MONEY_WORD = new RegExp(String.raw`${B}(?:${NUM})${RANGE}\s?(?:(?:${MAG})\s)?rupiah${E}`, "giu");
const PERCENT = new RegExp(String.raw`${B}(?:${NUM})${RANGE}\s?(?:%|persen${E}|poin${E})`, "giu");
const UNIT_QTY = new RegExp(
  String.raw`(?:${B}(?:${NUM})|(?<![\p{L}\p{N}\-])(?:${NUM_WORD}))${RANGE}\s?(?:(?:${MAG})\s)?(?:${UNITS})${E}${RATE}`,
  "giu",
);
const MAGNITUDE = new RegExp(String.raw`${B}(?:${NUM})\s?(?:${MAG})${E}${RATE}`, "giu");
const PATTERNS: [RegExp, string | undefined][] = [
  [MONEY, "Rp"],
  [MONEY_WORD, "Rp"],
  [PERCENT, "%"],
  [UNIT_QTY, undefined],
  [MAGNITUDE, "magnitude"],
];
const YEAR = /(?<![\p{L}\p{N}.,/-])(?:199\d|20[0-3]\d)(?![\p{L}\p{N}]|[.,]\d)/gu;

const LEADING_NUMBER = new RegExp(String.raw`^(?:[\d.,\s\-–]+|(?:${NUM_WORD})\s+)(?:(?:${MAG})\s+)?`, "iu");

function unitOf(value: string): string {
  return value.toLowerCase().replace(LEADING_NUMBER, "").trim();
}

function isBareYear(value: string): boolean {
  return /^(?:199\d|20[0-3]\d)(?!\d|[.,]\d)/u.test(value);
}

/** "Nomor 12 Tahun 2021", "Pasal 5 ayat", "RT 03": numbers that label rather than measure. */
function isCitationOrLabel(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (/(?<!\p{L})(?:nomor|nomer|no\.?|pasal|ayat|bab|rt|rw|tahap|nip|nik|telp\.?|hp|wa)\s*$/iu.test(before))
    return true;
  const after = text.slice(start, end + 12);
  return /^\S+\s+tahun\s+\d{4}/iu.test(after) && /tahun$/iu.test(text.slice(start, end));
}

function mergeOverlaps(spans: Span[], text: string): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      // "Rp 75.000" and "75.000 per orang" are one quantity: "Rp 75.000 per orang"
      if (s.end > last.end)
        out[out.length - 1] = { ...last, end: s.end, text: text.slice(last.start, s.end).trim() };
      continue;
    }
    out.push(s);
  }
  return out;
}
