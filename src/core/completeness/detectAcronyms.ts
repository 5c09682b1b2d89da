/**
 * Acronyms a reviewer of Indonesian public-service proposals reads without explanation
 * (administrative vocabulary, national institutions, budget and legal terms).
 */
const WELL_KNOWN = new Set(
  `KTP NIK KK KIA SIM NPWP PBB ASN PNS PPPK TNI POLRI RT RW SD SMP SMA SMK SLB TK PAUD UU PP SK SE SOP SPM
  APBD APBN APBK APBG APBDES DAK DAU DBH BLUD CSR BOK BOS BPJS JKN KIS BPK BPKP BPS DPRD OPD UPT UPTD RSUD
  KB IT TIK HP WA PDF UMKM BUMN BUMD BUMDES MPP PTSP KIPP SKM IKM IPM IPP ATM QR COVID ISPA DBD TBC HIV AIDS
  KLA ODGJ ODF PKK PKH BLT BPNT KPM NIB LKPJ LAKIP SAKIP RPJMD RPJMN RKPD RAPBD RENSTRA RENJA DIPA DPA
  KEMENPANRB PANRB KEMENDAGRI KEMENKES KEMENDIKBUD OMBUDSMAN BAPPEDA DUKCAPIL DISDUKCAPIL SAMSAT MOU PKS
  PERBUP PERWAL PERDA PERGUB QANUN INPRES PERPRES PERMEN KEPMEN CCTV GPS SMS USG EKG ICU IGD PONED PONEK
  MTBS ANC KIE TPS TPA IPAL PDAM PLN BBM LPG ID EN OK NO CV KUR PBI DTKS NKK KTP-EL UKPP PTSP SPBE API`.split(
    /\s+/u,
  ),
);

/**
 * Acronyms used without being spelled out: all-capital words of 2–4 letters that are not well
 * known, not part of a name written in capitals ("SI JEMPOL"), and never appear beside their
 * expansion ("Sistem Informasi Desa (SID)", "SID (Sistem
 * Informasi Desa)") or with "adalah/yaitu/merupakan" after them. At most three are returned.
 */
export function findUnexplainedAcronyms(text: string): string[] {
  const seen: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])[A-Z]{2,4}(?![\p{L}\p{N}-])/gu)) {
    const a = m[0];
    const around = text.slice(Math.max(0, m.index - 12), m.index + a.length + 12);
    if (/[A-Z]{2,}[\s-]+[A-Z]{2,}/u.test(around)) continue; // "SI JEMPOL": a name in capitals
    if (WELL_KNOWN.has(a) || seen.includes(a) || isRomanNumeral(a)) continue;
    if (isExplained(text, a)) continue;
    seen.push(a);
  }
  // a text written in capitals, or a list of codes, is not a style note about acronyms
  return seen.length > 6 ? [] : seen.slice(0, 3);
}

function isExplained(text: string, acronym: string): boolean {
  const esc = acronym.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  if (new RegExp(String.raw`\(\s*${esc}\s*\)`, "u").test(text)) return true; // "Nama Panjang (NP)"
  if (new RegExp(String.raw`(?<![\p{L}])${esc}\s*\(\s*\p{Lu}`, "u").test(text)) return true; // "NP (Nama Panjang)"
  if (
    new RegExp(String.raw`(?<![\p{L}])${esc}\s+(?:adalah|yaitu|yakni|merupakan|singkatan|atau)\s`, "u").test(
      text,
    )
  )
    return true;
  // "SiPandu (Sistem …)" style names and an acronym spelled by its initials nearby
  return initialsNearby(text, acronym);
}

/** "Layanan Antar Jemput Dokumen … LAJD": the capitals of consecutive words spell the acronym. */
function initialsNearby(text: string, acronym: string): boolean {
  const words = text.split(/[\s/-]+/u).filter((w) => /^\p{Lu}/u.test(w));
  const initials = words.map((w) => w[0]).join("");
  return acronym.length >= 3 && initials.includes(acronym);
}

function isRomanNumeral(s: string): boolean {
  return /^(?=[IVXLC]+$)M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/u.test(s);
}
