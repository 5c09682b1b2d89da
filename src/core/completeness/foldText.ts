/**
 * Lower-cases and strips diacritics ("Évaluasi" → "evaluasi") so template keywords match however
 * a draft was typed. `map[i]` is the index in the original text of folded character i, so a
 * match found in the folded text can be quoted back from the original.
 */
export function foldText(text: string): { folded: string; map: number[] } {
  let folded = "";
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    folded += f;
    for (let k = 0; k < f.length; k++) map.push(i);
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

/** Folds a short string (a keyword) without keeping the index map. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
