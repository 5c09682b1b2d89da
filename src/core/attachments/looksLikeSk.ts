const NAME = /(^|[^a-z])sk([^a-z]|$)|surat[\s_.-]*keputusan|keputusan|decree/i;
const TEXT =
  /\bSURAT\s+KEPUTUSAN\b|\bKEPUTUSAN\s+(BUPATI|WALI\s*KOTA|GUBERNUR|KEPALA|DIREKTUR|CAMAT|MENTERI|SEKRETARIS)\b|\bMEMUTUSKAN\s*:/i;

/**
 * Whether a file is probably a decree (SK): by its name ("SK Tim Inovasi.pdf") or by the words
 * every Indonesian decree carries ("SURAT KEPUTUSAN", "MEMUTUSKAN:"). Only a hint: the person is
 * always asked; a likely SK is never imported as a draft without asking.
 */
export function looksLikeSk(fileName: string, text = ""): boolean {
  return NAME.test(fileName.replace(/\.[a-z0-9]{1,5}$/i, "")) || TEXT.test(text.slice(0, 4000));
}
