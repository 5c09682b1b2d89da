/**
 * Text as PostgreSQL can store it: no NUL characters (refused in `text` and in `jsonb`) and no
 * lone UTF-16 surrogates (refused by the JSON parser), each replaced by U+FFFD. Everything else,
 * including other control characters, RTL marks and combining characters, is kept as typed.
 */
export function storableText(s: string): string {
  return s.replace(/\u0000/g, "\uFFFD").toWellFormed();
}
