import type { NotDone } from "./statedAsDone.ts";

/**
 * Why a mention of an element did not count: planned or denied, or the wrong kind of evidence
 * (an external audit offered as internal evaluation, a study visit offered as replication).
 */
export type RejectReason =
  | NotDone
  | "external_only"
  | "internal_only"
  | "study_visit"
  | "no_adopter"
  | "no_horizon";

/** Whether a draft shows a required element, with the snippet that shows it. */
export interface DetectorResult {
  present: boolean;
  /** The matched text as the user wrote it ("61% menjadi 93%", "Perbup Nomor 12 Tahun 2021"). */
  evidence?: string;
  /** Set when absent although the text mentions the element: quoted back with what would count. */
  rejected?: { reason: RejectReason; quote: string };
}

export const found = (evidence: string): DetectorResult => ({ present: true, evidence: evidence.trim() });
export const absent: DetectorResult = { present: false };
export const rejected = (reason: RejectReason, quote: string): DetectorResult => ({
  present: false,
  rejected: { reason, quote: quote.trim() },
});

/** The text from `index` to the end of its sentence, at most `max` characters. */
export function sentenceFrom(text: string, index: number, max: number): string {
  const rest = text.slice(index, index + max + 1);
  const stop = rest.search(/[.;!?\n](?:\s|$)/u);
  if (stop >= 0) return rest.slice(0, stop).trim();
  if (rest.length <= max) return rest.trim();
  const cut = rest.lastIndexOf(" ", max); // never end mid-word
  return `${rest.slice(0, cut > 0 ? cut : max).trim()}…`;
}

/** Where the clause holding `index` starts, so a rejected mention is quoted with its verb. */
export function clauseStart(text: string, index: number): number {
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

const ABBREVIATION_END =
  /(?<![\p{L}])(?:kab|kec|kel|ds|dr|drg|dra|ir|prof|no|nom|jl|prov|pemkab|pemkot|rs|st|sdr|bpk|tgl|th|thn|hr|kpd|a\.n|u\.p|dsb|spt|Kab|Kec|Kel|Ds|Dr|Jl|Prov|Prof|Ir|RS|H|Hj|S\.Kom|S\.Sos|S\.Kep|SKM|M\.Kes|M\.Si)\.$/u;

/** The sentences of a text, with their start index (split at . ! ? ; and line ends). */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^.!?;\n]+(?:[.!?;]+|$)/gu;
  for (const m of text.matchAll(re)) {
    // "No. 12", "Rp 1.250", "Kab. Agam", "dr. Soedjono" are not sentence ends: glue such pieces back
    const prev = out[out.length - 1];
    if (
      prev &&
      ((/(?:\bNo|\bNo\s*\d*|\d)\.$/u.test(prev.text) && /^\s*\d/u.test(m[0])) ||
        ABBREVIATION_END.test(prev.text))
    ) {
      prev.text += m[0];
      continue;
    }
    if (m[0].trim()) out.push({ text: m[0], start: m.index });
  }
  return out;
}
