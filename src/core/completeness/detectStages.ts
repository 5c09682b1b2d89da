import { absent, type DetectorResult, found } from "./detectorResult.ts";
import { findYears } from "./quantities.ts";

const STAGE_LABEL =
  /(?<!\p{L})(?:tahap(?:an)?|fase|langkah|stage|phase|step)\s+(?:ke-?\s*)?(I{1,3}|IV|V|VI{0,3}|\d+|pertama|kedua|ketiga|keempat|kelima|awal|akhir|satu|dua|tiga|empat|lima)(?![\p{L}\p{N}])/giu;
const ORDINAL =
  /(?<!\p{L})(?:pertama|kedua|ketiga|keempat|kelima|selanjutnya|berikutnya|terakhir|first|second|third|then|finally)(?!\p{L})/giu;
const ARROW = /\s(?:→|->|=>|⇒|➔|➡|>)\s/gu;
const LIST_ITEM = /^\s*(?:[-•*–·▪●]|\d{1,2}[.)]|[a-h][.)]|[IVX]{1,4}[.)])\s+\S/gmu;
const MONTH =
  /(?<!\p{L})(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|sep|sept|okt|nov|des|triwulan|semester|kuartal|Q[1-4])(?!\p{L})/iu;
/** Stock names of implementation steps, as civil servants write them. */
const STEP_WORDS =
  /(?<!\p{L})(?:persiapan|perencanaan|identifikasi|pembentukan\s+tim|penyusunan|sosialisasi|rakor|rapat\s+koordinasi|bimtek|bimbingan\s+teknis|pelatihan|uji\s+coba|ujicoba|piloting|pilot|peluncuran|launching|go-live|go\s+live|pelaksanaan|penerapan|implementasi|perluasan|replikasi|evaluasi|monev|pelembagaan|penetapan|pengembangan)(?!\p{L})/giu;

/**
 * Implementation stages, written however the unit writes them: labelled stages ("Tahap I/II",
 * "tahap pertama"), ordinals ("pertama, … kedua, …"), an arrow chain ("rakor → bimtek → go-live
 * → monev"), a list of at least three items or two dated ones, three or more dated steps in a
 * row, or three distinct stock step names (persiapan, sosialisasi, uji coba…).
 */
export function detectStages(text: string): DetectorResult {
  const labels = distinct([...text.matchAll(STAGE_LABEL)].map((m) => (m[1] ?? "").toLowerCase()));
  if (labels.length >= 2) return found(firstTwo(text, STAGE_LABEL));
  const ordinals = distinct([...text.matchAll(ORDINAL)].map((m) => m[0].toLowerCase()));
  if (ordinals.length >= 2 && ordinals.some((o) => /pertama|first/u.test(o)))
    return found(ordinals.join(", "));
  const arrows = [...text.matchAll(ARROW)];
  if (arrows.length >= 2) {
    const line = text.split("\n").find((l) => [...l.matchAll(ARROW)].length >= 2);
    if (line) return found(line.trim().slice(0, 80));
  }
  const items = [...text.matchAll(LIST_ITEM)].map((m) => lineAt(text, m.index));
  const dated = items.filter((l) => MONTH.test(l) || findYears(l).length > 0);
  if (items.length >= 3 || dated.length >= 2) return found(items.slice(0, 2).join(" / ").slice(0, 80));
  const datedLines = text.split(/\n|(?<=[.;])\s+/u).filter((l) => findYears(l).length > 0 || MONTH.test(l));
  const years = distinct(datedLines.flatMap((l) => findYears(l).map((y) => y.text)));
  if (datedLines.length >= 3 && years.length >= 2)
    return found(datedLines.slice(0, 2).join(" / ").slice(0, 80));
  const steps = distinct([...text.matchAll(STEP_WORDS)].map((m) => m[0].toLowerCase().replace(/\s+/gu, " ")));
  if (steps.length >= 3) return found(steps.slice(0, 4).join(", "));
  return absent;
}

function distinct(xs: string[]): string[] {
  return [...new Set(xs)];
}

function firstTwo(text: string, re: RegExp): string {
  return [...text.matchAll(re)]
    .slice(0, 2)
    .map((m) => m[0])
    .join(", ");
}

function lineAt(text: string, index: number): string {
  const end = text.indexOf("\n", index);
  return text.slice(index, end < 0 ? undefined : end).trim();
}
