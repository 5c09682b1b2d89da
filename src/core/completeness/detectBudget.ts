import { absent, clauseStart, type DetectorResult, found, rejected, sentenceFrom } from "./detectorResult.ts";
import { notDoneAt } from "./statedAsDone.ts";

const BUDGET = [
  /(?<![\p{L}\p{N}])(?:APBD(?:es)?|APBDesa|ABPD|APDB|APBK|APBA|APBG|APBN|DAK|DAU|DBH|DID|BLUD|CSR|BOK|BOS|BOP|DIPA|DPA|JKN|BTT|ADD|DD|Otsus)(?![\p{L}\p{N}])/u,
  // a source, not the bare word "anggaran" or an amount: "anggaran yang memadai" names none
  /(?<!\p{L})(?:dana\s+(?:desa|gampong|nagari|kampung|kelurahan|kapitasi|hibah|bantuan|alokasi|pemerintah)|alokasi\s+dana\s+desa|hibah|swadaya|sponsor|donasi|iuran|kas\s+desa|bantuan\s+keuangan|anggaran\s+(?:desa|kelurahan|dinas|kecamatan|puskesmas|rsud|daerah|pendapatan|rutin\s+(?:dinas|unit))|village\s+funds?|regency\s+budget|district\s+budget|annual\s+work\s+plan)(?!\p{L})/iu,
];

/**
 * Where the money comes from: APBD (also APBK in Aceh, APBG/dana gampong, misspelt ABPD), APBN,
 * Rp amounts, dana desa, DAK, BLUD, CSR, swadaya. A budget that is planned or absent ("akan
 * diusulkan dalam APBD tahun depan", "belum ada anggaran khusus") does not count.
 */
export function detectBudget(text: string): DetectorResult {
  let notDone: DetectorResult | undefined;
  for (const re of BUDGET) {
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
      const why = notDoneAt(text, m.index, m.index + m[0].length);
      if (why) {
        notDone ??= rejected(why, sentenceFrom(text, clauseStart(text, m.index), 80));
        continue;
      }
      return found(sentenceFrom(text, m.index, 50));
    }
  }
  return notDone ?? absent;
}
