import { absent, type DetectorResult, found } from "./detectorResult.ts";
import { plannedSentence } from "./statedAsDone.ts";

const STAKEHOLDER_GROUPS: RegExp[] = [
  /(?<!\p{L})(?:masyarakat|warga|tokoh\s+(?:masyarakat|agama|adat)|ninik\s+mamak)(?!\p{L})/iu,
  /(?<!\p{L})kader(?:\s+(?:posyandu|kesehatan|pkk|desa))?(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:RT\/RW|ketua\s+RT|ketua\s+RW|RT|RW)(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:pemerintah\s+desa|perangkat\s+desa|kepala\s+desa|pemdes|kades|desa|kelurahan|lurah|nagari|wali\s+nagari|dusun|gampong|keuchik|kampung|pekon|kalurahan)(?!\p{L})/iu,
  /(?<!\p{L})(?:kecamatan|camat)(?!\p{L})/iu,
  /(?<!\p{L})(?<!(?:mobil|kendaraan|rumah|perjalanan|pakaian|seragam)\s+)(?:dinas(?!\s+luar)|opd|perangkat\s+daerah|bappeda|setda|sekretariat\s+daerah|dukcapil|disdukcapil|dinkes|dinsos|kominfo|diskominfo|bagian\s+organisasi)(?!\p{L})/iu,
  /(?<!\p{L})(?:puskesmas|pustu|posyandu|rsud|rumah\s+sakit|klinik|bpjs)(?!\p{L})/iu,
  /(?<!\p{L})(?:perguruan\s+tinggi|universitas|politeknik|poltekkes|stikes|akademisi|kampus|sekolah\s+tinggi|institut)(?!\p{L})/iu,
  /(?<!\p{L})(?:lsm|ormas|organisasi\s+(?:masyarakat|kemasyarakatan|profesi|penyandang\s+disabilitas)|komunitas|yayasan|pkk|karang\s+taruna|relawan|forum|asosiasi|kelompok\s+\p{L}+|gapoktan|baznas|mui|ulama|aisyiyah|muhammadiyah|nu)(?!\p{L})/iu,
  /(?<!\p{L})(?:pemda|pemerintah\s+(?:daerah|kabupaten|kota|provinsi)|pemkab|pemkot|pemprov|disnaker\p{L}*|bappeda)(?!\p{L})/iu,
  /(?<!\p{L})(?:swasta|perusahaan|bank|bumn|bumd|dunia\s+usaha|badan\s+usaha|koperasi|pelaku\s+usaha)(?!\p{L})/iu,
  /(?<!\p{L})mitra(?!\p{L})/iu,
  /(?<!\p{L})(?:media\s+massa|pers|wartawan|jurnalis|radio)(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:TNI|Polri|Polsek|Polres|Koramil|Babinsa|Bhabinkamtibmas|Kejaksaan|Pengadilan)(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:sekolah|madrasah|pesantren|guru)(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])DPRD(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:dokter|bidan|perawat|petugas\s+gizi|nakes|tenaga\s+kesehatan|penyuluh|operator|juru\s+pemantau|kepala\s+jorong|jorong)(?!\p{L})/iu,
  /(?<![\p{L}\p{N}])(?:BUMDes|Bapenda|KUD|PKK|Pertamina|PLN|PDAM|Pos\s+Indonesia)(?![\p{L}\p{N}])/u,
  /(?<!\p{L})(?:village|villages|office|hospital|midwives|clinics?|community|residents|NGO|university|volunteers|heads)(?!\p{L})/iu,
];

/** Two or more distinct kinds of stakeholder (masyarakat, kader, RT/RW, desa, dinas, kampus, swasta…). */
export function detectStakeholders(text: string): DetectorResult {
  const hits: string[] = [];
  const taken: [number, number][] = [];
  for (const re of STAKEHOLDER_GROUPS) {
    // "kader posyandu" is one stakeholder, not a kader and a posyandu: skip overlapping matches
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
      const [s, e] = [m.index, m.index + m[0].length];
      if (taken.some(([ts, te]) => s < te && e > ts)) continue;
      if (plannedSentence(text, s)) continue; // "rencananya … oleh Bapak Walikota" names no one who took part
      taken.push([s, e]);
      hits.push(m[0]);
      break;
    }
  }
  return hits.length >= 2 ? found(hits.slice(0, 4).join(", ")) : absent;
}
