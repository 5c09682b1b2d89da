import type { DetectorSpec } from "../templates/sectionSchema.ts";
import { detectEvaluation } from "./detectEvaluation.ts";
import { detectGoal } from "./detectGoal.ts";
import { absent, type DetectorResult, found, rejected, sentenceFrom } from "./detectorResult.ts";
import { detectProblem } from "./detectProblem.ts";
import { detectReplication, detectReplicationScale } from "./detectReplication.ts";
import { detectSchedule } from "./detectSchedule.ts";
import { detectStages } from "./detectStages.ts";
import { detectUrgency } from "./detectUrgency.ts";
import { findBeforeAfter } from "./findBeforeAfter.ts";
import { matchKeywords } from "./matchKeywords.ts";
import { findQuantities, findYears } from "./quantities.ts";
import { notDoneAt, plannedSentence } from "./statedAsDone.ts";

export type { DetectorResult } from "./detectorResult.ts";

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
    case "stages":
      return detectStages(text);
    case "schedule":
      return detectSchedule(text);
    case "urgency":
      return detectUrgency(text);
    case "problem":
      return detectProblem(text);
    case "goal":
      return detectGoal(text);
    case "replicationScale":
      return detectReplicationScale(text);
    case "keywords":
      return detectKeywords(text, spec.any, spec.minMatches, spec.statedAsDone);
  }
}

/**
 * At least `min` quantities with a unit (see findQuantities: a year alone is not one), plus the
 * bare numbers of a stated change ("Kasus DBD turun dari 612 menjadi 188"). Figures in a planned
 * sentence ("ditargetkan … 90%") are targets, not data.
 */
export function detectNumbers(text: string, min = 1): DetectorResult {
  const qs = [...findQuantities(text), ...changeNumbers(text)]
    .sort((a, b) => a.start - b.start)
    .filter((q, i, all) => !all.slice(0, i).some((o) => q.start < o.end && q.end > o.start))
    .filter((q) => !plannedSentence(text, q.start));
  return qs.length >= min
    ? found(
        qs
          .slice(0, Math.max(min, 3))
          .map((q) => q.text)
          .join(", "),
      )
    : absent;
}

/** A before/after comparison stated as reached: a target ("ditargetkan turun dari 5 hari menjadi 1 hari") is a plan. */
const CHANGE_NUMBERS =
  /(?<!\p{L})(?:dari|dr|from)\s+(\d[\d.,]*)\s+(?:menjadi|jadi|jd|ke|to)\s+(\d[\d.,]*)/giu;

/** "dari 612 menjadi 188", "from 250 to 400": two figures even without a unit. */
function changeNumbers(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(CHANGE_NUMBERS)) {
    const [, a = "", b = ""] = m;
    if (/^(?:19|20)\d\d$/u.test(a) && /^(?:19|20)\d\d$/u.test(b)) continue;
    const i = m.index + m[0].indexOf(a, m[0].indexOf(" "));
    const j = m.index + m[0].lastIndexOf(b);
    out.push({ start: i, end: i + a.length, text: a }, { start: j, end: j + b.length, text: b });
  }
  return out;
}

export function detectBeforeAfter(text: string): DetectorResult {
  const span = findBeforeAfter(text);
  if (!span) return absent;
  const why = notDoneAt(text, span.start, span.end);
  return why ? rejected(why, sentenceFrom(text, clauseStart(text, span.start), 100)) : found(span.text);
}

const MONTH =
  "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|agu|sep|sept|okt|nov|des|january|february|march|may|june|july|august|october|december";
const FULL_DATE = new RegExp(String.raw`(?<!\p{L})\d{1,2}\s+(?:${MONTH})\.?\s+(?:19|20)\d{2}(?!\d)`, "iu");
const MONTH_YEAR = new RegExp(String.raw`(?<!\p{L})(?:${MONTH})\.?\s+(?:19|20)\d{2}(?!\d)`, "iu");
const NUMERIC_DATE =
  /(?<![\d/])(?:\d{1,2}[/-]\d{1,2}[/-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?![\d/])/u;

/** A date or a year (full date first as evidence); years inside regulation citations do not count. */
export function detectDates(text: string): DetectorResult {
  // a planned start ("akan dimulai tahun 2026") dates nothing that happened
  for (const re of [FULL_DATE, MONTH_YEAR, NUMERIC_DATE]) {
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`)))
      if (!plannedSentence(text, m.index)) return found(m[0]);
  }
  const qs = findQuantities(text);
  const year = findYears(text).find(
    (y) => !qs.some((q) => q.start <= y.start && q.end > y.start) && !plannedSentence(text, y.start),
  );
  return year ? found(year.text) : absent;
}

const LEGAL = [
  // most specific first, so the evidence quotes the regulation rather than a passing "SK"
  /(?<!\p{L})(?:peraturan|keputusan|instruksi)\s+(?:bupati|wali\s?kota|walikota|daerah|gubernur|menteri|pemerintah|presiden|kepala|desa|camat|direktur|sekretaris|lurah|nomor|no\.)/iu,
  /(?<![\p{L}\p{N}])(?:perbup|perbub|perwal|perwali|perwako|perwalkot|perda|pergub|perkada|perdes|perkades|perpres|keppres|inpres|inbup|kepbup|kepwal|kepwako|kepgub|kepdes|qanun|permen\p{L}*|kepmen\p{L}*|juknis|juklak)(?![\p{L}])/iu,
  /(?<!\p{L})(?:surat\s+keputusan|surat\s+edaran|undang-undang)/iu,
  /(?<!\p{L})(?:regent|mayor|governor|village|head)(?:'s)?\s+(?:regulation|decree)|(?<!\p{L})decree\s+of\s+the(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:SE|PP)\s+(?:No\.?|Nomor|\d|Bupati|Wali\s?kota|Walikota|Gubernur|Kepala|Menteri|Sekda|Camat)/u,
  // acronyms are matched case-sensitively: "sk" or "uu" in running text are not regulations
  /(?<![\p{L}\p{N}])(?:SK|UU)(?![\p{L}\p{N}])/u,
];
const CITATION_TAIL =
  /^(?:[^\n.;]|(?<=Kab|Kec|Kel|Prov|Kep|Kpts)\.){0,60}?(?:Nomor|No\.?)\s*[\w./-]+(?:\s+(?:Tahun|Thn)\s+\d{4})?/iu;
/** National laws that oblige every unit alike: they do not institutionalise this innovation. */
const GENERAL_LAW =
  /^(?:UU|PP|undang-undang|perpres|keppres|inpres|permen\p{L}*|kepmen\p{L}*|peraturan\s+(?:pemerintah|presiden|menteri)|keputusan\s+(?:presiden|menteri)|instruksi\s+presiden)/iu;

/**
 * A regulation or decree in force (Perbup, Perwako, Qanun, Perdes, SK…); "belum ada Perbup",
 * "rancangan Perbup sedang disusun" and "sesuai peraturan yang berlaku" do not count.
 */
export function detectLegalBasis(text: string): DetectorResult {
  let notDone: DetectorResult | undefined;
  for (const re of LEGAL) {
    const g = new RegExp(re.source, `${re.flags}g`);
    for (const m of text.matchAll(g)) {
      const tail = CITATION_TAIL.exec(text.slice(m.index + m[0].length));
      const end = m.index + m[0].length + (tail ? tail[0].length : 0);
      const why = notDoneAt(text, m.index, end);
      if (why) {
        notDone ??= rejected(why, sentenceFrom(text, clauseStart(text, m.index), 80));
        continue;
      }
      if (GENERAL_LAW.test(m[0])) continue;
      // identifiable by number or year: "SK Kepala Puskesmas" alone could be any decree, or none
      if (
        !tail &&
        !/(?<!\d)(?:19|20)\d{2}(?!\d)|\d+\/\d+/u.test(
          text.slice(m.index, m.index + m[0].length + 60).split(/[.;\n]/u)[0] ?? "",
        )
      )
        continue;
      return found(m[0] + (tail ? tail[0] : ""));
    }
  }
  return notDone ?? absent;
}

const BUDGET = [
  /(?<![\p{L}\p{N}])(?:APBD(?:es)?|APBDesa|ABPD|APDB|APBK|APBA|APBG|APBN|DAK|DAU|DBH|DID|BLUD|CSR|BOK|BOS|BOP|DIPA|DPA|JKN|BTT|ADD|DD|Otsus)(?![\p{L}\p{N}])/u,
  // a source, not the bare word "anggaran" or an amount: "anggaran yang memadai" names none
  /(?<!\p{L})(?:dana\s+(?:desa|gampong|nagari|kampung|kelurahan|kapitasi|hibah|bantuan|alokasi|pemerintah)|alokasi\s+dana\s+desa|hibah|swadaya|sponsor|donasi|iuran|kas\s+desa|bantuan\s+keuangan|anggaran\s+(?:desa|kelurahan|dinas|kecamatan|puskesmas|rsud|daerah|pendapatan|rutin\s+(?:dinas|unit))|village\s+funds?|regency\s+budget|district\s+budget|annual\s+work\s+plan)(?!\p{L})/iu,
];

/**
 * Where the money comes from: APBD (also APBK in Aceh, APBG/dana gampong, misspelt ABPD), APBN,
 * Rp amounts, dana desa, DAK, BLUD, CSR, swadaya. A budget that is planned or absent ("akan
 * diusulkan dalam APBD tahun depan", "belum ada anggaran khusus") does not count.
 */
export function detectBudget(text: string): DetectorResult {
  let notDone: DetectorResult | undefined;
  for (const re of BUDGET) {
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
      const why = notDoneAt(text, m.index, m.index + m[0].length);
      if (why) {
        notDone ??= rejected(why, sentenceFrom(text, clauseStart(text, m.index), 80));
        continue;
      }
      return found(sentenceFrom(text, m.index, 50));
    }
  }
  return notDone ?? absent;
}

const STAKEHOLDER_GROUPS: RegExp[] = [
  /(?<!\p{L})(?:masyarakat|warga|tokoh\s+(?:masyarakat|agama|adat)|ninik\s+mamak)(?!\p{L})/iu,
  /(?<!\p{L})kader(?:\s+(?:posyandu|kesehatan|pkk|desa))?(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:RT\/RW|ketua\s+RT|ketua\s+RW|RT|RW)(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:pemerintah\s+desa|perangkat\s+desa|kepala\s+desa|pemdes|kades|desa|kelurahan|lurah|nagari|wali\s+nagari|dusun|gampong|keuchik|kampung|pekon|kalurahan)(?!\p{L})/iu,
  /(?<!\p{L})(?:kecamatan|camat)(?!\p{L})/iu,
  /(?<!\p{L})(?<!(?:mobil|kendaraan|rumah|perjalanan|pakaian|seragam)\s+)(?:dinas(?!\s+luar)|opd|perangkat\s+daerah|bappeda|setda|sekretariat\s+daerah|dukcapil|disdukcapil|dinkes|dinsos|kominfo|diskominfo|bagian\s+organisasi)(?!\p{L})/iu,
  /(?<!\p{L})(?:puskesmas|pustu|posyandu|rsud|rumah\s+sakit|klinik|bpjs)(?!\p{L})/iu,
  /(?<!\p{L})(?:perguruan\s+tinggi|universitas|politeknik|poltekkes|stikes|akademisi|kampus|sekolah\s+tinggi|institut)(?!\p{L})/iu,
  /(?<!\p{L})(?:lsm|ormas|organisasi\s+(?:masyarakat|kemasyarakatan|profesi|penyandang\s+disabilitas)|komunitas|yayasan|pkk|karang\s+taruna|relawan|forum|asosiasi|kelompok\s+\p{L}+|gapoktan|baznas|mui|ulama|aisyiyah|muhammadiyah|nu)(?!\p{L})/iu,
  /(?<!\p{L})(?:pemda|pemerintah\s+(?:daerah|kabupaten|kota|provinsi)|pemkab|pemkot|pemprov|disnaker\p{L}*|bappeda)(?!\p{L})/iu,
  /(?<!\p{L})(?:swasta|perusahaan|bank|bumn|bumd|dunia\s+usaha|badan\s+usaha|koperasi|pelaku\s+usaha)(?!\p{L})/iu,
  /(?<!\p{L})mitra(?!\p{L})/iu,
  /(?<!\p{L})(?:media\s+massa|pers|wartawan|jurnalis|radio)(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:TNI|Polri|Polsek|Polres|Koramil|Babinsa|Bhabinkamtibmas|Kejaksaan|Pengadilan)(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:sekolah|madrasah|pesantren|guru)(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])DPRD(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:dokter|bidan|perawat|petugas\s+gizi|nakes|tenaga\s+kesehatan|penyuluh|operator|juru\s+pemantau|kepala\s+jorong|jorong)(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:BUMDes|Bapenda|KUD|PKK|Pertamina|PLN|PDAM|Pos\s+Indonesia)(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:village|villages|office|hospital|midwives|clinics?|community|residents|NGO|university|volunteers|heads)(?!\p{L})/iu,
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
      if (plannedSentence(text, s)) continue; // "rencananya … oleh Bapak Walikota" names no one who took part
      taken.push([s, e]);
      hits.push(m[0]);
      break;
    }
  }
  return hits.length >= 2 ? found(hits.slice(0, 4).join(", ")) : absent;
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

/**
 * At least `minMatches` distinct template keywords (see matchKeywords). With `statedAsDone`, a
 * keyword mentioned as a plan or denied ("SOP sedang disusun", "belum ada SOP") does not count.
 */
export function detectKeywords(
  text: string,
  any: readonly string[],
  minMatches = 1,
  statedAsDone = false,
): DetectorResult {
  // "maklumat" inside "maklumat pelayanan" is one finding, not two
  const all = matchKeywords(text, any).sort((a, b) => a.start - b.start || b.end - a.end);
  const notDone = statedAsDone ? all.find((h) => notDoneAt(text, h.start, h.end)) : undefined;
  const hits = statedAsDone ? all.filter((h) => !notDoneAt(text, h.start, h.end)) : all;
  const distinct = hits.filter((h, i) => !hits.slice(0, i).some((o) => h.start < o.end && h.end > o.start));
  if (distinct.length >= minMatches) return found(distinct.map((h) => h.snippet).join(", "));
  return notDone
    ? rejected(
        notDoneAt(text, notDone.start, notDone.end)!,
        sentenceFrom(text, clauseStart(text, notDone.start), 80),
      )
    : absent;
}

/** Where the clause holding `index` starts, so a rejected mention is quoted with its verb. */
function clauseStart(text: string, index: number): number {
  const head = text.slice(Math.max(0, index - 60), index);
  const cut = Math.max(
    head.lastIndexOf("."),
    head.lastIndexOf(";"),
    head.lastIndexOf("\n"),
    head.lastIndexOf(","),
  );
  const start = Math.max(0, index - 60) + cut + 1;
  return start + (text.slice(start, index).length - text.slice(start, index).trimStart().length);
}
