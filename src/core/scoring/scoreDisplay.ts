import type { Locale } from "../i18n/locale.ts";
import type { Localized } from "../templates/baseSchemas.ts";
import type { Template } from "../templates/templateSchema.ts";

/** A total as the template shows it: an index on the score scale with its predikat, or a percent. */
export type DisplayedTotal =
  | { kind: "percent"; value: number }
  | { kind: "index"; value: number; decimals: number; max: number; band?: Localized; provisional: boolean };

/**
 * Converts a stored total (0..100, percent of the scale) into what participants and the
 * secretariat read. PEKPPP shows its index on 0–5 with two decimals and a predikat; the band is
 * chosen on the rounded index, so a displayed "4,50" is never called "above 4,50".
 */
export function displayTotal(
  template: Pick<Template, "scoreScale" | "scoreDisplay">,
  total: number,
): DisplayedTotal {
  const d = template.scoreDisplay;
  if (!d) return { kind: "percent", value: total };
  const { min, max } = template.scoreScale;
  const factor = 10 ** d.decimals;
  const value = Math.round((min + (total / 100) * (max - min)) * factor) / factor;
  const band = d.bands.find((b) => (b.above ? value > b.min : value >= b.min));
  return {
    kind: "index",
    value,
    decimals: d.decimals,
    max,
    ...(band && { band: band.label }),
    provisional: band?.provisional ?? false,
  };
}

/** "4,52" / "4.52" with exactly the template's decimals. */
export function formatIndex(locale: Locale, value: number, decimals: number): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}
