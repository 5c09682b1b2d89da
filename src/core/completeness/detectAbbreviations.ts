/** Chat shorthand that reads as a text message in a formal proposal. */
const SMS = new Set([
  "yg",
  "dgn",
  "dg",
  "krn",
  "karna",
  "tdk",
  "gak",
  "ga",
  "gk",
  "nggak",
  "utk",
  "untk",
  "sdh",
  "udh",
  "udah",
  "blm",
  "blom",
  "bs",
  "bisa2",
  "sy",
  "kmi",
  "km",
  "dlm",
  "pd",
  "tsb",
  "sbg",
  "thd",
  "trhdp",
  "spt",
  "hrs",
  "lbh",
  "bgt",
  "aja",
  "jg",
  "jgn",
  "sblm",
  "ssdh",
  "stlh",
  "skrg",
  "skrng",
  "dr",
  "jd",
  "krg",
  "msh",
  "bnyk",
  "byk",
  "tp",
  "tpi",
  "sm",
  "trs",
  "trus",
  "org",
  "tgl",
  "bln",
  "thn",
  "mrk",
  "kpd",
  "ttg",
  "dpt",
  "dll2",
]);
/** Shorthand an official text may use. */
const MIN_HITS = 2;

/**
 * The chat abbreviations in a text (yg, dgn, krn, tdk…), in order of first use, when there are
 * at least two: one "tgl" in a table is not a style problem.
 */
export function findSmsAbbreviations(text: string): string[] {
  const hits: string[] = [];
  let total = 0;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.])[\p{L}]{1,6}(?![\p{L}\p{N}.])/gu)) {
    const w = m[0];
    if (w !== w.toLowerCase() || !SMS.has(w)) continue;
    total++;
    if (!hits.includes(w)) hits.push(w);
  }
  return total >= MIN_HITS ? hits : [];
}
