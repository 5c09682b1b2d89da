/**
 * Intl formatters, built once per locale, options and zone: building one costs far more than
 * using it (a formatter per message showed in the drafting profile, docs/benchmarks.md).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, options);
    formatters.set(key, f);
  }
  return f;
}

/** The calendar year of `d` in a time zone. */
export function yearIn(d: Date, timeZone: string): number {
  return Number(dateFormat("en", { year: "numeric", timeZone }).format(d));
}
