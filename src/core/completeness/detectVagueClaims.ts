import { sentences } from "./detectorResult.ts";
import { findQuantities } from "./quantities.ts";

/** Flowery or superlative words coaching clinics tell innovators to drop. */
const FLOWERY =
  /(?<!\p{L})(?:revolusioner|spektakuler|luar\s+biasa|fenomenal|sangat\s+(?:signifikan|luar\s+biasa|besar|pesat|efektif|efisien|membantu|bermanfaat|memuaskan)|satu-satunya(?:\s+di\s+(?:Indonesia|dunia))?|terobosan\s+(?:pertama|baru|luar\s+biasa)|belum\s+pernah\s+ada\s+sebelumnya|sangat\s+inovatif|solutif|(?:turun|naik|meningkat|menurun|berkurang)\s+(?:drastis|pesat|tajam|signifikan)|sangat\s+murah|(?:yang\s+)?pertama\s+di\s+(?:Indonesia|dunia|Asia)|terbaik|terdepan|tercanggih|paling\s+(?:inovatif|canggih|efektif|baik)|sempurna|mutakhir|tiada\s+duanya|game\s*changer|world[- ]class|revolutionary|unique\s+in\s+the\s+world)(?!\p{L})/iu;
/** "lebih cepat, mudah, murah" with no figure: a comparison that measures nothing. */
const BARE_COMPARISON =
  /(?<!\p{L})(?:lebih|semakin|makin)\s+(?:cepat|mudah|murah|efektif|efisien|baik|praktis|transparan|akuntabel|hemat)(?:(?:\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+)(?:lebih\s+)?(?:cepat|mudah|murah|efektif|efisien|baik|praktis|transparan|akuntabel|hemat))*/iu;

/** A span of a claim that asks for a figure: where it is, and how it reads. */
export interface VagueClaim {
  start: number;
  end: number;
  /** The sentence holding it, as written. */
  sentence: string;
  quote: string;
}

/**
 * Flowery and vague claims ("revolusioner", "satu-satunya di Indonesia", "lebih cepat, mudah,
 * murah") in sentences that give no figure. They are quoted back asking for the number, and a
 * detector never takes them as evidence of an element.
 */
export function findVagueClaims(text: string): VagueClaim[] {
  const out: VagueClaim[] = [];
  for (const s of sentences(text)) {
    if (findQuantities(s.text).length > 0) continue;
    const m = FLOWERY.exec(s.text) ?? BARE_COMPARISON.exec(s.text);
    if (!m) continue;
    out.push({ start: s.start, end: s.start + s.text.length, sentence: s.text.trim(), quote: m[0].trim() });
  }
  return out;
}

/** The text with vague-claim sentences blanked (same length, so indexes still point home). */
export function withoutVagueClaims(text: string, claims: VagueClaim[]): string {
  let out = text;
  for (const c of claims) out = out.slice(0, c.start) + " ".repeat(c.end - c.start) + out.slice(c.end);
  return out;
}
