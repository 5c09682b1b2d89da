import type { DetectorSpec } from "../templates/templateSchema.ts";
import { findBeforeAfter } from "./findBeforeAfter.ts";
import { matchKeywords } from "./matchKeywords.ts";
import { findQuantities, findYears } from "./quantities.ts";

/** Whether a draft shows a required element, with the snippet that shows it. */
export interface DetectorResult {
  present: boolean;
  /** The matched text as the user wrote it ("61% menjadi 93%", "Perbup Nomor 12 Tahun 2021"). */
  evidence?: string;
}

/** Runs one detector of a template's required element over a section's text. */
export function runDetector(spec: DetectorSpec, text: string): DetectorResult {
  switch (spec.kind) {
    case "numbers":
      return detectNumbers(text, spec.min);
    case "beforeAfter":
      return detectBeforeAfter(text);
    case "dates":
      return detectDates(text);
    case "legalBasis":
      return detectLegalBasis(text);
    case "budget":
      return detectBudget(text);
    case "stakeholders":
      return detectStakeholders(text);
    case "replication":
      return detectReplication(text);
    case "evaluation":
      return detectEvaluation(text, spec.external);
    case "videoLink":
      return detectVideoLink(text);
    case "keywords":
      return detectKeywords(text, spec.any, spec.minMatches);
  }
}

const found = (evidence: string): DetectorResult => ({ present: true, evidence: evidence.trim() });
const absent: DetectorResult = { present: false };

/** At least `min` quantities with a unit (see findQuantities: a year alone is not one). */
export function detectNumbers(text: string, min = 1): DetectorResult {
  const qs = findQuantities(text);
  return qs.length >= min
    ? found(
        qs
          .slice(0, Math.max(min, 3))
          .map((q) => q.text)
          .join(", "),
      )
    : absent;
}

export function detectBeforeAfter(text: string): DetectorResult {
  const span = findBeforeAfter(text);
  return span ? found(span.text) : absent;
}

const MONTH =
  "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|agu|sep|sept|okt|nov|des|january|february|march|may|june|july|august|october|december";
const FULL_DATE = new RegExp(String.raw`(?<!\p{L})\d{1,2}\s+(?:${MONTH})\.?\s+(?:19|20)\d{2}(?!\d)`, "iu");
const MONTH_YEAR = new RegExp(String.raw`(?<!\p{L})(?:${MONTH})\.?\s+(?:19|20)\d{2}(?!\d)`, "iu");
const NUMERIC_DATE =
  /(?<![\d/])(?:\d{1,2}[/-]\d{1,2}[/-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?![\d/])/u;

/** A date or a year (full date first as evidence); years inside regulation citations do not count. */
export function detectDates(text: string): DetectorResult {
  for (const re of [FULL_DATE, MONTH_YEAR, NUMERIC_DATE]) {
    const m = re.exec(text);
    if (m) return found(m[0]);
  }
  const qs = findQuantities(text);
  const year = findYears(text).find((y) => !qs.some((q) => q.start <= y.start && q.end > y.start));
  return year ? found(year.text) : absent;
}

const LEGAL = [
  // most specific first, so the evidence quotes the regulation rather than a passing "SK"
  /(?<!\p{L})(?:peraturan|keputusan|instruksi)\s+(?:bupati|wali\s?kota|walikota|daerah|gubernur|menteri|pemerintah|presiden|kepala|desa|camat|direktur|sekretaris|lurah|nomor|no\.)/iu,
  /(?<![\p{L}\p{N}])(?:perbup|perwal|perwali|perda|pergub|perkada|perdes|perpres|keppres|inpres|inbup|kepbup|kepwal|kepgub|permen\p{L}*|kepmen\p{L}*|juknis|juklak)(?![\p{L}])/iu,
  /(?<!\p{L})(?:surat\s+keputusan|surat\s+edaran|undang-undang)/iu,
  /(?<![\p{L}\p{N}])(?:SE|PP)\s+(?:No\.?|Nomor|\d|Bupati|Wali\s?kota|Walikota|Gubernur|Kepala|Menteri|Sekda|Camat)/u,
  // acronyms are matched case-sensitively: "sk" or "uu" in running text are not regulations
  /(?<![\p{L}\p{N}])(?:SK|UU)(?![\p{L}\p{N}])/u,
];
const CITATION_TAIL = /^[^\n.;]{0,60}?(?:Nomor|No\.?)\s*[\w./-]+(?:\s+Tahun\s+\d{4})?/iu;

/** A regulation or decree; "belum ada Perbup" and "sesuai peraturan yang berlaku" do not count. */
export function detectLegalBasis(text: string): DetectorResult {
  for (const re of LEGAL) {
    const g = new RegExp(re.source, `${re.flags}g`);
    for (const m of text.matchAll(g)) {
      if (isNegated(text, m.index)) continue;
      const tail = CITATION_TAIL.exec(text.slice(m.index + m[0].length));
      return found(m[0] + (tail ? tail[0] : ""));
    }
  }
  return absent;
}

const BUDGET = [
  /(?<![\p{L}\p{N}])(?:APBD(?:es)?|APBN|DAK|DAU|DBH|BLUD|CSR|BOK|BOS|BOP|DIPA|DPA|JKN|BTT)(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:anggaran|dana\s+desa|dana\s+kapitasi|dana\s+hibah|hibah|swadaya|rupiah|sponsor|donasi|pendanaan|iuran|kas\s+desa|dana\s+(?:operasional|bantuan|alokasi|pemerintah)|bantuan\s+keuangan)(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])Rp\.?\s?\d/iu,
];

/** Where the money comes from: APBD/APBN, Rp amounts, dana desa, DAK, BLUD, CSR, anggaran, swadaya. */
export function detectBudget(text: string): DetectorResult {
  for (const re of BUDGET) {
    const m = re.exec(text);
    if (m) return found(sentenceFrom(text, m.index, 50));
  }
  return absent;
}

const STAKEHOLDER_GROUPS: RegExp[] = [
  /(?<!\p{L})(?:masyarakat|warga|tokoh\s+(?:masyarakat|agama|adat)|ninik\s+mamak)(?!\p{L})/iu,
  /(?<!\p{L})kader(?:\s+(?:posyandu|kesehatan|pkk|desa))?(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:RT\/RW|ketua\s+RT|ketua\s+RW|RT|RW)(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:pemerintah\s+desa|perangkat\s+desa|kepala\s+desa|pemdes|kades|desa|kelurahan|lurah|nagari|wali\s+nagari|dusun)(?!\p{L})/iu,
  /(?<!\p{L})(?:kecamatan|camat)(?!\p{L})/iu,
  /(?<!\p{L})(?<!(?:mobil|kendaraan|rumah|perjalanan|pakaian|seragam)\s+)(?:dinas(?!\s+luar)|opd|perangkat\s+daerah|bappeda|setda|sekretariat\s+daerah|dukcapil|disdukcapil|dinkes|dinsos|kominfo|diskominfo|bagian\s+organisasi)(?!\p{L})/iu,
  /(?<!\p{L})(?:puskesmas|pustu|posyandu|rsud|rumah\s+sakit|klinik|bpjs)(?!\p{L})/iu,
  /(?<!\p{L})(?:perguruan\s+tinggi|universitas|politeknik|poltekkes|stikes|akademisi|kampus|sekolah\s+tinggi|institut)(?!\p{L})/iu,
  /(?<!\p{L})(?:lsm|ormas|organisasi\s+(?:masyarakat|kemasyarakatan|profesi|penyandang\s+disabilitas)|komunitas|yayasan|pkk|karang\s+taruna|relawan|forum)(?!\p{L})/iu,
  /(?<!\p{L})(?:swasta|perusahaan|bank|bumn|bumd|dunia\s+usaha|badan\s+usaha|koperasi|pelaku\s+usaha)(?!\p{L})/iu,
  /(?<!\p{L})mitra(?!\p{L})/iu,
  /(?<!\p{L})(?:media\s+massa|pers|wartawan|jurnalis|radio)(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:TNI|Polri|Polsek|Polres|Koramil|Babinsa|Bhabinkamtibmas|Kejaksaan|Pengadilan)(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:sekolah|madrasah|pesantren|guru)(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])DPRD(?![\p{L}\p{N}])/u,
];

/** Two or more distinct kinds of stakeholder (masyarakat, kader, RT/RW, desa, dinas, kampus, swasta…). */
export function detectStakeholders(text: string): DetectorResult {
  const hits: string[] = [];
  const taken: [number, number][] = [];
  for (const re of STAKEHOLDER_GROUPS) {
    // "kader posyandu" is one stakeholder, not a kader and a posyandu: skip overlapping matches
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
      const [s, e] = [m.index, m.index + m[0].length];
      if (taken.some(([ts, te]) => s < te && e > ts)) continue;
      taken.push([s, e]);
      hits.push(m[0]);
      break;
    }
  }
  return hits.length >= 2 ? found(hits.slice(0, 4).join(", ")) : absent;
}

const REPLICATION =
  /(?<!\p{L})(?:direplikasi|mereplikasi|replikasi(?:nya)?|diadopsi|mengadopsi|adopsi|ditiru|meniru|studi\s+banding|kunjungan\s+belajar|benchmarking|diduplikasi|diterapkan\s+(?:pula\s+|juga\s+)?(?:di|oleh)|dikembangkan\s+(?:pula\s+|juga\s+)?(?:di|oleh)|replicated|adopted\s+by)(?!\p{L})/giu;
/** Claims and plans are not evidence: "dapat direplikasi", "berpotensi diadopsi", "akan ditiru". */
const CLAIM_BEFORE =
  /(?<!\p{L})(?:dapat|bisa|mudah|layak|berpotensi|potensial|potensi|memungkinkan|siap|akan|rencana|direncanakan|diharapkan|harapan|mungkin|could|can|may|will|potential)(?:\s+[\p{L}-]+){0,2}\s+$/iu;

/** "Replikasi belum dilakukan", "adopsi akan dimulai tahun depan". */
const DENIED_AFTER = /^(?:\s+[\p{L}-]+){0,2}?\s+(?:belum|tidak|akan|direncanakan)(?!\p{L})/iu;

/** Evidence that others have replicated the innovation (a claim that it could be is not enough). */
export function detectReplication(text: string): DetectorResult {
  for (const m of text.matchAll(REPLICATION)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (isNegated(text, m.index) || CLAIM_BEFORE.test(before) || DENIED_AFTER.test(after)) continue;
    return found(sentenceFrom(text, m.index, 70));
  }
  return absent;
}

const EVAL_WORDS =
  /(?<!\p{L})(?:evaluasi|dievaluasi|mengevaluasi|monev|monitoring|pemantauan|memantau|dipantau|supervisi|penilaian|menilai|dinilai|kajian|mengkaji|dikaji|penelitian|meneliti|diteliti|riset|survei|survey|audit|diaudit|pemeriksaan|diperiksa|reviu|review|direviu|telaah|ditelaah|pengukuran|mengukur|diukur|pengawasan|laporan\s+(?:bulanan|berkala|triwulan|mingguan)|evaluation|evaluated|assessed|audited)(?!\p{L})/iu;
const EXTERNAL_SELF =
  /(?<![\p{L}\p{N}])(?:SKM|IKM|survei\s+kepuasan(?:\s+masyarakat)?|indeks\s+kepuasan(?:\s+masyarakat)?|audit\s+eksternal|evaluasi\s+eksternal|penilaian\s+eksternal|evaluator\s+(?:eksternal|independen))(?![\p{L}\p{N}])/iu;
const EXTERNAL_PARTY =
  /(?<![\p{L}\p{N}])(?:Inspektorat|BPKP|BPK|Ombudsman|universitas|perguruan\s+tinggi|politeknik|poltekkes|akademisi|peneliti|dosen|lembaga\s+independen|pihak\s+(?:ketiga|independen|eksternal|luar)|KemenPANRB|Kementerian\s+PANRB|Kementerian\s+Dalam\s+Negeri|Kemendagri)(?![\p{L}\p{N}])/iu;

/**
 * Evaluation of the innovation. `external` requires an outside evaluator (Inspektorat, BPK, BPKP,
 * Ombudsman, a university, a satisfaction survey) named in a sentence that says it evaluated:
 * "kerja sama dengan Universitas X untuk pelatihan" is not an evaluation. Without `external`,
 * any evaluation counts, internal or external.
 */
export function detectEvaluation(text: string, external = false): DetectorResult {
  if (!external) {
    const m = EVAL_WORDS.exec(text);
    if (m) return found(sentenceFrom(text, m.index, 60));
  }
  for (const sentence of text.split(/(?<=[.!?;])\s+|\n+/u)) {
    const self = EXTERNAL_SELF.exec(sentence);
    if (self) return found(self[0]);
    const party = EXTERNAL_PARTY.exec(sentence);
    if (party && EVAL_WORDS.test(sentence))
      return found(sentence.length <= 80 ? sentence : sentenceFrom(sentence, party.index, 60));
  }
  return absent;
}

const URL_RE =
  /(?:https?:\/\/|www\.)[^\s<>()"'\]]+|(?<![\w./])(?:youtu\.be|youtube\.com|drive\.google\.com|vimeo\.com)\/[^\s<>()"'\]]+/giu;
const VIDEO_HOSTS = [
  "youtube.com",
  "youtu.be",
  "youtube-nocookie.com",
  "drive.google.com",
  "vimeo.com",
  "fb.watch",
  "dailymotion.com",
  "dai.ly",
  "tiktok.com",
  "1drv.ms",
  "onedrive.live.com",
  "sharepoint.com",
  "dropbox.com",
  "streamable.com",
  "terabox.com",
  "mega.nz",
];

/** A link to a video: YouTube, Google Drive and other video or cloud hosts, or a video file URL. */
export function detectVideoLink(text: string): DetectorResult {
  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0].replace(/[.,;:!?]+$/u, "");
    let url: URL;
    try {
      url = new URL(/^https?:/iu.test(raw) ? raw : `https://${raw}`);
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase().replace(/^(?:www\.|m\.)/u, "");
    const isHost = VIDEO_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
    const isSocialVideo =
      (host.endsWith("facebook.com") && /\/(?:videos|watch|reel)/u.test(url.pathname)) ||
      (host.endsWith("instagram.com") && /^\/(?:reel|reels|tv|p)\//u.test(url.pathname));
    if (isHost || isSocialVideo || /\.(?:mp4|mov|m4v|webm|mkv|avi)$/iu.test(url.pathname)) return found(raw);
  }
  return absent;
}

/** At least `minMatches` distinct template keywords (see matchKeywords). */
export function detectKeywords(text: string, any: readonly string[], minMatches = 1): DetectorResult {
  // "maklumat" inside "maklumat pelayanan" is one finding, not two
  const hits = matchKeywords(text, any).sort((a, b) => a.start - b.start || b.end - a.end);
  const distinct = hits.filter((h, i) => !hits.slice(0, i).some((o) => h.start < o.end && h.end > o.start));
  return distinct.length >= minMatches ? found(distinct.map((h) => h.snippet).join(", ")) : absent;
}

/** "belum ada Perbup", "tidak pernah direplikasi"; but "tidak hanya" affirms. */
function isNegated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 50), index);
  const m = /(?<!\p{L})(belum|tidak|tak|tanpa|bukan)((?:\s+[\p{L}-]+){0,4})\s+$/iu.exec(before);
  if (!m) return false;
  return !/^\s+(?:hanya|sekadar|saja|cuma)/iu.test(m[2] ?? "");
}

/** The text from `index` to the end of its sentence, at most `max` characters. */
function sentenceFrom(text: string, index: number, max: number): string {
  const rest = text.slice(index, index + max + 1);
  const stop = rest.search(/[.;!?\n](?:\s|$)/u);
  if (stop >= 0) return rest.slice(0, stop).trim();
  if (rest.length <= max) return rest.trim();
  const cut = rest.lastIndexOf(" ", max); // never end mid-word
  return `${rest.slice(0, cut > 0 ? cut : max).trim()}…`;
}
