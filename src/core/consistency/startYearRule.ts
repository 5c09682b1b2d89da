import { findYears } from "../completeness/quantities.ts";
import { inBoth } from "../i18n/catalog.ts";
import { checkTexts } from "../i18n/checkTexts.ts";
import type { Localized } from "../templates/baseSchemas.ts";

const START =
  /(?<!\p{L})(?:sejak|sjk|mulai|dimulai|diluncurkan|meluncurkan|diterapkan|menerapkan|menjalankan|dilaksanakan|berjalan|launching|diinisiasi|menginisiasi|digagas|lahir|since|started|launched)(?!\p{L})/giu;

/** The year the first stage of Implementasi took place: the earliest year it names. */
export function firstStageYear(text: string): number | undefined {
  const years = findYears(text).map((y) => Number(y.text));
  return years.length ? Math.min(...years) : undefined;
}

/** The year a text says the innovation started: the year right after a "sejak/mulai/meluncurkan". */
export function startYearIn(text: string): number | undefined {
  const years = findYears(text);
  for (const m of text.matchAll(START)) {
    const end = m.index + m[0].length;
    const y = years.find((x) => x.start >= end && x.start - end <= 60);
    if (y) return Number(y.text);
  }
  return undefined;
}

/**
 * The start year agrees across the registration, Ringkasan and Implementasi. `sources` are
 * labelled (a section title, or "pendaftaran"); returns the warning when two of them differ.
 */
export function startYearRule(
  sources: { label: Localized; year: number | undefined }[],
): Localized | undefined {
  const known = sources.filter((s): s is { label: Localized; year: number } => s.year !== undefined);
  if (new Set(known.map((s) => s.year)).size < 2) return undefined;
  return inBoth(checkTexts, (t, l) => t.startYear(known.map((s) => `${s.label[l]} ${s.year}`).join(", ")));
}

export const registrationLabel = (): Localized => inBoth(checkTexts, (t) => t.registration);
