import { absent, clauseStart, type DetectorResult, found, rejected, sentenceFrom } from "./detectorResult.ts";
import { notDoneAt } from "./statedAsDone.ts";

const LEGAL = [
  // most specific first, so the evidence quotes the regulation rather than a passing "SK"
  /(?<!\p{L})(?:peraturan|keputusan|instruksi)\s+(?:bupati|wali\s?kota|walikota|daerah|gubernur|menteri|pemerintah|presiden|kepala|desa|camat|direktur|sekretaris|lurah|nomor|no\.)/iu,
  /(?<![\p{L}\p{N}])(?:perbup|perbub|perwal|perwali|perwako|perwalkot|perda|pergub|perkada|perdes|perkades|perpres|keppres|inpres|inbup|kepbup|kepwal|kepwako|kepgub|kepdes|qanun|permen\p{L}*|kepmen\p{L}*|juknis|juklak)(?![\p{L}])/iu,
  /(?<!\p{L})(?:surat\s+keputusan|surat\s+edaran|undang-undang)/iu,
  /(?<!\p{L})(?:regent|mayor|governor|village|head)(?:'s)?\s+(?:regulation|decree)|(?<!\p{L})decree\s+of\s+the(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:SE|PP)\s+(?:No\.?|Nomor|\d|Bupati|Wali\s?kota|Walikota|Gubernur|Kepala|Menteri|Sekda|Camat)/u,
  // acronyms are matched case-sensitively: "sk" or "uu" in running text are not regulations
  /(?<![\p{L}\p{N}])(?:SK|UU)(?![\p{L}\p{N}])/u,
];
const CITATION_TAIL =
  /^(?:[^\n.;]|(?<=Kab|Kec|Kel|Prov|Kep|Kpts)\.){0,60}?(?:Nomor|No\.?)\s*[\w./-]+(?:\s+(?:Tahun|Thn)\s+\d{4})?/iu;
/** National laws that oblige every unit alike: they do not institutionalise this innovation. */
const GENERAL_LAW =
  /^(?:UU|PP|undang-undang|perpres|keppres|inpres|permen\p{L}*|kepmen\p{L}*|peraturan\s+(?:pemerintah|presiden|menteri)|keputusan\s+(?:presiden|menteri)|instruksi\s+presiden)/iu;

/**
 * A regulation or decree in force (Perbup, Perwako, Qanun, Perdes, SK…); "belum ada Perbup",
 * "rancangan Perbup sedang disusun" and "sesuai peraturan yang berlaku" do not count.
 */
export function detectLegalBasis(text: string): DetectorResult {
  let notDone: DetectorResult | undefined;
  for (const re of LEGAL) {
    const g = new RegExp(re.source, `${re.flags}g`);
    for (const m of text.matchAll(g)) {
      const tail = CITATION_TAIL.exec(text.slice(m.index + m[0].length));
      const end = m.index + m[0].length + (tail ? tail[0].length : 0);
      const why = notDoneAt(text, m.index, end);
      if (why) {
        notDone ??= rejected(why, sentenceFrom(text, clauseStart(text, m.index), 80));
        continue;
      }
      if (GENERAL_LAW.test(m[0])) continue;
      // identifiable by number or year: "SK Kepala Puskesmas" alone could be any decree, or none
      if (
        !tail &&
        !/(?<!\d)(?:19|20)\d{2}(?!\d)|\d+\/\d+/u.test(
          text.slice(m.index, m.index + m[0].length + 60).split(/[.;\n]/u)[0] ?? "",
        )
      )
        continue;
      return found(m[0] + (tail ? tail[0] : ""));
    }
  }
  return notDone ?? absent;
}
