import type { Locale } from "./locale.ts";

/** A message catalog: every text of one concern, one object per locale, read as `texts(locale).key`. */
export type Catalog<T> = (locale: Locale) => T;

/**
 * The one catalog style of the project. Indonesian is written first and gives the shape (or an
 * interface does); English must have the same keys. A value is a string, or a function of the
 * values it needs (typed, so a missing value is a compile error, not an empty placeholder).
 */
export function catalog<T>(byLocale: { id: T; en: NoInfer<T> }): Catalog<T> {
  return (locale) => byLocale[locale];
}
