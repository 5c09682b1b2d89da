/**
 * A title as the administrative check compares them: case, accents, punctuation and spacing
 * do not make two titles different ("SI-CANTIK: Layanan  Cepat" = "Si Cantik, layanan cepat").
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
