import type { Locale } from "./locale.ts";

/** A table of short texts, each in Indonesian and English. */
export type TextTable = Record<string, Record<Locale, string>>;

/** The lookup of a text table; "{name}" placeholders are filled from vars (missing ones empty). */
export function textLookup<T extends TextTable>(table: T) {
  return (key: keyof T, locale: Locale, vars: Record<string, string | number> = {}): string =>
    table[key]![locale].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}
