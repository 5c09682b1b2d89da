import type { Template } from "../../core/templates/templateSchema.ts";

/**
 * Timeline keys (Competition.timeline) that name a stage under another word. A template stage
 * key that is itself a timeline key always wins; otherwise the first stage matching a pattern
 * takes the date, and each timeline key serves one stage only.
 */
const SYNONYMS: [RegExp, string[]][] = [
  [/pendaftaran|registrasi|registration/, ["registration_open", "registration"]],
  [/administrasi|administrative/, ["administrative_check", "verification"]],
  [/evaluasi|review|penilaian|desk/, ["desk_evaluation", "evaluation"]],
  [/^top\d+$|pengumuman|announcement/, ["announcement", "announcement_top"]],
  [/presentasi|wawancara|interview|kelayakan/, ["presentation", "interview"]],
  [/lapangan|field/, ["field_verification", "site_visit"]],
  [/penganugerahan|penetapan|award|voting/, ["award", "award_ceremony", "final"]],
];

/** Dates of the template's stages that the competition timeline tells; stages without one are absent. */
export function stageDates(template: Template, timeline: Record<string, unknown>): Map<string, Date> {
  const date = (k: string) => {
    const v = timeline[k];
    if (typeof v !== "string") return undefined;
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  };
  const out = new Map<string, Date>();
  const used = new Set<string>();
  for (const s of template.stages) {
    const own = date(s.key);
    if (own) {
      out.set(s.key, own);
      used.add(s.key);
    }
  }
  for (const s of template.stages) {
    if (out.has(s.key)) continue;
    for (const [pattern, keys] of SYNONYMS) {
      if (!pattern.test(s.key)) continue;
      const k = keys.find((x) => !used.has(x) && date(x));
      if (k) {
        out.set(s.key, date(k)!);
        used.add(k);
        break;
      }
    }
  }
  return out;
}
