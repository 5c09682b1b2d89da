import type { Locale } from "./locale.ts";

/** A message catalog: every text of one concern, one object per locale, read as `texts(locale).key`. */
export type Catalog<T> = (locale: Locale) => T;

/**
 * The one catalog style of the project. Indonesian is written first and gives the shape (or an
 * interface does); English must have the same keys. A value is a string, or a function of the
 * values it needs (typed, so a missing value is a compile error, not an empty placeholder).
 */
export function catalog<T>(byLocale: { id: T; en: NoInfer<T> }): Catalog<T> {
  // A locale read from storage without a check (a cast) still gets a text: Indonesian, the default.
  return (locale) => byLocale[locale] ?? byLocale.id;
}

/**
 * A text in both locales at once, for results that carry both until they are shown (a section
 * check's notes): `inBoth(checkTexts, (t, locale) => t.padding(words))`.
 */
export function inBoth<T>(texts: Catalog<T>, text: (t: T, locale: Locale) => string): Record<Locale, string> {
  return { id: text(texts("id"), "id"), en: text(texts("en"), "en") };
}
