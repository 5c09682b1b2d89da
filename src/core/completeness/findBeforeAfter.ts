import { findQuantities, findYears, MAG, NUM, type Span, UNITS } from "./quantities.ts";

/**
 * Finds a before/after comparison backed by numbers, the single thing coaching clinics repeat
 * most. Recognised forms:
 * - "dari 61% menjadi 93%", "turun dari 14 hari ke 1 hari", "from 61% to 93%";
 * - "61% → 93%";
 * - "Sebelum inovasi cakupan 61% … setelah inovasi 93%" (also semula/awalnya … kini/sekarang);
 * - "Pada 2020 cakupan 61%, pada 2023 mencapai 93%" (two different years, each with a measure);
 * - "turun 70%", "meningkat 3 kali lipat" (a measured change);
 * - a text table whose header holds "Sebelum | Sesudah" and a row with two measures;
 * - written short: "dr 5 hari jd 1 hari", "sblm … ssdh …", "tadinya … skrg …".
 * Words alone ("sebelumnya lambat, sekarang cepat") do not count: the judges want numbers.
 */
export function findBeforeAfter(text: string): Span | undefined {
  return (
    fromTo(text) ??
    arrow(text) ??
    table(text) ??
    markers(text) ??
    yearPair(text) ??
    change(text) ??
    shortTo(text) ??
    problemThenResult(text)
  );
}

const QTY = String.raw`(?:Rp\.?\s?)?(?:${NUM})(?:\s?[-–]\s?(?:${NUM}))?(?:\s?(?:%|persen|poin|(?:(?:${MAG})\s?)?(?:${UNITS})|${MAG})(?![\p{L}\p{N}]))?`;
const HEDGE = String.raw`(?:semula\s+|sekitar\s+|rata-rata\s+|hanya\s+|lebih\s+dari\s+|kurang\s+dari\s+|±\s?|\+\s?)?`;
const FROM_TO = new RegExp(
  String.raw`(?<!\p{L})(?:dari|dr|from)\s+${HEDGE}(${QTY})((?:(?!\.\s|[;\n]).){0,40}?)\s*(menjadi|jadi|jd|mjd|ke|hingga|sampai|to|→|->)\s*${HEDGE}(${QTY})`,
  "giu",
);
const ARROW = new RegExp(String.raw`(${QTY})\s*(?:→|->|=>|⇒)\s*(${QTY})`, "giu");
/** "21 hr jd 4 hr", "2,5 jam jd 30 mnt": a change written without "dari". */
const SHORT_TO = new RegExp(String.raw`(${QTY})\s+(?:jd|jadi|mjd|menjadi)\s+(${QTY})`, "giu");
const CHANGE_VERB =
  /(?:meningkat|naik|turun|menurun|berkurang|bertambah|berubah|dipangkas|dipersingkat|memendek|menyusut|melonjak|membaik|ditekan|dipercepat|meluas|increased|decreased|rose|fell|dropped)\b[^.;\n]{0,30}$/iu;
const BEFORE =
  /(?<!\p{L})(?:sebelum(?:nya)?|sblm(?:nya)?|semula|awalnya|mula-mula|kondisi awal|tadinya|dahulu|dulu(?:nya)?|biasanya|selama ini|before|previously|used to)(?!\p{L})/giu;
const AFTER =
  /(?<!\p{L})(?:sesudah(?:nya)?|setelah(?:nya)?|ssdh|stlh|kini|sekarang|skrg|skrng|saat ini|pasca|menjadi|jadi|jd|hanya|cukup|after|now|today)(?!\p{L})/giu;

function isBareNumber(q: string): boolean {
  return /^(?:Rp\.?\s?)?[\d.,]+$/u.test(q.trim()) && !/^Rp/iu.test(q.trim());
}
function isYear(q: string): boolean {
  return /^(?:199\d|20[0-3]\d)$/u.test(q.trim());
}

function fromTo(text: string): Span | undefined {
  for (const m of text.matchAll(FROM_TO)) {
    const [all, q1 = "", , connector = "", q2 = ""] = m;
    if (isYear(q1) && isYear(q2)) continue; // "dari 2019 hingga 2021" is a period, not a change
    const changes = /^(?:menjadi|jadi|jd|mjd|ke|to|→|->)$/iu.test(connector);
    // "dari 2 hingga 3 hari" is usually a range; it is a change only after a change verb
    if (!changes && !CHANGE_VERB.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (!changes && isBareNumber(q1) && isBareNumber(q2)) continue;
    return { start: m.index, end: m.index + all.length, text: all.trim() };
  }
  return undefined;
}

function arrow(text: string): Span | undefined {
  for (const m of text.matchAll(ARROW)) {
    const [all, q1 = "", q2 = ""] = m;
    if (isYear(q1) || isYear(q2)) continue; // "2021 → 2023" is a timeline
    if (isBareNumber(q1) && isBareNumber(q2)) continue; // "tahap 1 → 2" is a sequence
    return { start: m.index, end: m.index + all.length, text: all.trim() };
  }
  return undefined;
}

/** Two measures on either side of a before marker and an after marker, within one passage. */
function markers(text: string): Span | undefined {
  const qs = findQuantities(text);
  const afters = [...text.matchAll(AFTER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const b of text.matchAll(BEFORE)) {
    const bEnd = b.index + b[0].length;
    const q1 = qs.find((q) => q.start >= bEnd && q.start - bEnd <= 200);
    if (!q1) continue;
    const a = afters.find((x) => x.start >= q1.end && x.start - q1.end <= 250);
    if (!a) continue;
    const q2 = pickLike(qs, q1, a.end, 150);
    if (!q2) continue;
    if (/\n\s*\n/u.test(text.slice(b.index, q2.end))) continue;
    return joinSpans(text, q1, q2);
  }
  return undefined;
}

/** "Pada 2020 … 61%, pada 2023 … 93%": each year followed closely by its own measure. */
function yearPair(text: string): Span | undefined {
  const qs = findQuantities(text);
  const ys = findYears(text);
  for (const [i, y1] of ys.entries()) {
    const q1 = qs.find((q) => q.start >= y1.end && q.start - y1.end <= 80);
    if (!q1) continue;
    for (const y2 of ys.slice(i + 1)) {
      if (y2.text === y1.text || y2.start < q1.end || y2.start - q1.end > 200) continue;
      const q2 = pickLike(qs, q1, y2.end, 80);
      if (!q2 || q2.unit !== q1.unit || /\n\s*\n/u.test(text.slice(y1.start, q2.end))) continue;
      return { start: y1.start, end: q2.end, text: `${q1.text} (${y1.text}) → ${q2.text} (${y2.text})` };
    }
  }
  return undefined;
}

/** The first quantity within `window` after `from`, preferring one measured like `like` (% with %). */
function pickLike(qs: Span[], like: Span, from: number, window: number): Span | undefined {
  const near = qs.filter((q) => q.start >= from && q.start - from <= window);
  return near.find((q) => q.unit === like.unit) ?? near[0];
}

function joinSpans(text: string, a: Span, b: Span): Span {
  const snippet = text.slice(a.start, b.end).replace(/\s+/gu, " ");
  return { start: a.start, end: b.end, text: snippet.length <= 40 ? snippet : `${a.text} … ${b.text}` };
}

const CHANGE_BY = new RegExp(
  String.raw`(?<!\p{L})(?:meningkat|naik|turun|menurun|berkurang|bertambah|dipangkas|dipersingkat|menyusut|melonjak|ditekan|dipercepat|lebih\s+(?:cepat|murah|singkat|hemat))(?:\s+(?:sebesar|sebanyak|hingga|sampai|mencapai|lebih\s+dari|rata-rata))?\s+(?:${NUM})\s?(?:%|persen(?!\p{L})|kali(?:\s+lipat)?(?!\p{L})|poin(?!\p{L}))`,
  "iu",
);

/** "turun 70%", "naik 3 kali lipat": a change measured against the starting point. */
function change(text: string): Span | undefined {
  const m = CHANGE_BY.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : undefined;
}

const TABLE_HEAD =
  /(?<!\p{L})(?:sebelum|sblm|kondisi\s+awal|before)(?!\p{L})[^\n]*?(?:\||\t|;|\s{2,})[^\n]*?(?<!\p{L})(?:sesudah|setelah|ssdh|stlh|saat\s+ini|kondisi\s+(?:akhir|sekarang)|after)(?!\p{L})/iu;

/** "Indikator | Sebelum | Sesudah" followed by a row holding two measures. */
function table(text: string): Span | undefined {
  const head = TABLE_HEAD.exec(text);
  if (!head) return undefined;
  const rows = text
    .slice(head.index + head[0].length)
    .split("\n")
    .slice(1, 12);
  for (const row of rows) {
    const cells = row.split(/\||\t|;|\s{2,}/u).filter((c) => /\d/u.test(c));
    if (cells.length >= 2) {
      const start = text.indexOf(row);
      return { start, end: start + row.length, text: row.trim().replace(/\s+/gu, " ").slice(0, 60) };
    }
  }
  return undefined;
}

function shortTo(text: string): Span | undefined {
  for (const m of text.matchAll(SHORT_TO)) {
    const [all, q1 = "", q2 = ""] = m;
    if (isYear(q1) || isYear(q2) || (isBareNumber(q1) && isBareNumber(q2))) continue;
    return { start: m.index, end: m.index + all.length, text: all.trim() };
  }
  return undefined;
}

const RESULT_MARK =
  /(?<!\p{L})(?:kini|sekarang|skrg|saat\s+ini|setelah(?:nya)?|sesudah(?:nya)?|hasil(?:nya)?|(?:turun|naik|meningkat|menurun|berkurang|bertambah|menyusut|dipangkas)(?:\s+(?:menjadi|jadi|jd|ke|hingga|sampai))?|menjadi|mencapai|now|after)(?!\p{L})/giu;

/**
 * The before stated with the problem and the after with the result: "12 ton per hari tidak
 * terangkut … Kini sampah tidak terangkut 3 ton", "AKN 14 per 1.000 (2021) … AKN turun menjadi 7
 * per 1.000". The result marker must be followed closely by a measure of the same unit as an
 * earlier one with another value.
 */
function problemThenResult(text: string): Span | undefined {
  const qs = findQuantities(text).filter((q) => q.unit && q.unit !== "magnitude");
  for (const m of text.matchAll(RESULT_MARK)) {
    const end = m.index + m[0].length;
    const q2 = qs.find((q) => q.start >= end && q.start - end <= 60);
    if (!q2) continue;
    const unit = firstWord(q2.unit);
    const q1 = qs.find((q) => q.end <= m.index && firstWord(q.unit) === unit && q.text !== q2.text);
    if (q1) return { start: q1.start, end: q2.end, text: `${q1.text} … ${q2.text}` };
  }
  return undefined;
}

function firstWord(unit: string | undefined): string {
  return (unit ?? "").split(/\s+/u)[0] ?? "";
}
