import { sentences } from "../completeness/detectorResult.ts";
import { findQuantities } from "../completeness/quantities.ts";
import { inBoth } from "../i18n/catalog.ts";
import { checkTexts } from "../i18n/checkTexts.ts";
import type { Localized } from "../templates/baseSchemas.ts";

const GOAL =
  /(?<!\p{L})(?:tujuan(?:nya)?|bertujuan|ditujukan|target(?:nya)?|ditargetkan|sasaran\s+inovasi|aims?|objectives?)(?!\p{L})/iu;
/** Words that say nothing about what the goal measures. */
const STOP = new Set(
  `tujuan tujuannya bertujuan ditujukan target targetnya ditargetkan sasaran inovasi ini itu yang untuk dan atau
  dengan dalam pada dari ke di oleh agar supaya dapat bisa akan adalah yaitu yakni serta juga lebih semakin
  meningkatkan menurunkan mempercepat memperluas mempermudah memudahkan mengurangi menambah memberikan memberi
  mewujudkan menciptakan menjadi para bagi kepada secara sehingga setiap seluruh semua warga masyarakat
  pelayanan layanan publik kami unit tersebut tahun hari sebagai utama adanya`.split(/\s+/u),
);

/**
 * The goal set in Latar Belakang is measured in Signifikansi: some word that names what the
 * goal is about ("cakupan imunisasi", "waktu tunggu") appears there in a sentence with a
 * figure. Returns the warning for the impact section, or undefined.
 */
export function goalMeasuredRule(
  problemText: string,
  impactText: string,
  impactTitle: Localized,
): Localized | undefined {
  if (!impactText.trim()) return undefined;
  const goal = sentences(problemText).find((s) => GOAL.test(s.text));
  if (!goal) return undefined;
  const words = measureWords(goal.text);
  if (words.length === 0) return undefined;
  const measured = sentences(impactText).some(
    (s) => findQuantities(s.text).length > 0 && contentWords(s.text).some((w) => words.includes(w)),
  );
  if (measured) return undefined;
  const g = goal.text.trim();
  const quoted = g.length <= 90 ? g : `${g.slice(0, g.lastIndexOf(" ", 88))}…`;
  return inBoth(checkTexts, (t, l) => t.goalMeasured(quoted, impactTitle[l]));
}

/** What the goal measures: the first two content words after the goal marker, verbs skipped. */
function measureWords(sentence: string): string[] {
  const m = GOAL.exec(sentence);
  const rest = m ? sentence.slice(m.index + m[0].length) : sentence;
  return contentWords(rest)
    .filter(
      (w) =>
        !/^(?:me|mem|men|meng|meny|ber|ter|di)\p{L}{3,}(?:kan|i)?$/u.test(w) ||
        /^(?:desa|dinas|digital|dokter)/u.test(w),
    )
    .slice(0, 2);
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w)).map(stem);
}

/** A rough Indonesian stem so "imunisasinya" meets "imunisasi". */
function stem(w: string): string {
  return w.replace(/(?:nya|lah|kah)$/u, "");
}
