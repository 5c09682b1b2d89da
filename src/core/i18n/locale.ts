export type Locale = "id" | "en";
export const LOCALES: readonly Locale[] = ["id", "en"];

/** Picks a supported locale from a platform language code ("en-GB" → en); Indonesian otherwise. */
export function localeFromLanguageCode(code: string | undefined, fallback: Locale = "id"): Locale {
  if (!code) return fallback;
  return code.toLowerCase().startsWith("en") ? "en" : code.toLowerCase().startsWith("id") ? "id" : fallback;
}
