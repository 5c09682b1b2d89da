import type { ProposalCheck } from "../completeness/checkProposal.ts";
import type { Mark, SectionCheck } from "../completeness/checkSection.ts";
import type { DialogueTexts } from "../i18n/dialogueTexts.ts";
import type { Locale } from "../i18n/locale.ts";
import type { RichText } from "../messages.ts";
import type { Section } from "../templates/sectionSchema.ts";
import type { Template } from "../templates/templateSchema.ts";

export const MARK_ICON: Record<Mark, string> = { complete: "✅", incomplete: "⚠️", empty: "⬜" };

/**
 * The rule check of one section: header (with the official limit only), each element present
 * or missing with why a mention did not count and its tip, then the notes: length guidance
 * ("panduan"), padding, language, style and cross-section consistency.
 */
export function renderSectionCheck(
  section: Section,
  check: SectionCheck,
  t: DialogueTexts,
  locale: Locale,
): RichText {
  const out: RichText = [
    { b: t.checkHeader(section.title[locale], check.words, check.official?.max, t.markWord[check.mark]) },
    "\n",
  ];
  if (check.throwaway) {
    out.push(`${t.throwaway[check.throwaway.reason]}\n   ${t.tip}: ${check.throwaway.tip[locale]}\n`);
  }
  for (const e of check.elements) {
    if (e.present) out.push(`✅ ${e.label[locale]}${e.evidence ? ` (${e.evidence})` : ""}\n`);
    else
      out.push(
        `⚠️ ${e.label[locale]}\n${e.note ? `   ${e.note[locale]}\n` : ""}   ${t.tip}: ${e.tip[locale]}\n`,
      );
  }
  for (const w of check.warnings) out.push(`${w.text[locale]}\n`);
  return trimEnd(out);
}

/** /cek: every section's mark, the criteria grid, readiness, and the three fixes worth most. */
export function renderProposalCheck(
  template: Template,
  check: ProposalCheck,
  code: string,
  t: DialogueTexts,
  locale: Locale,
): RichText {
  const title = (key: string) => template.sections.find((s) => s.key === key)?.title[locale] ?? key;
  const out: RichText = [{ b: t.cekHeader(code, check.readiness) }, "\n"];
  check.sections.forEach((s, i) => {
    const w = template.sections[i]?.weight ?? 0;
    out.push(`${MARK_ICON[s.mark]} ${i + 1} ${title(s.sectionKey)} (${w}%)\n`);
  });
  // The criteria grid adds information only where a criterion draws on several sections
  // (PEKPPP aspects, provincial rounds); KIPP's criteria are its sections one to one.
  const spread = check.grid.filter(
    (row) => row.sections.length > 1 || row.sections[0]?.sectionKey !== row.criterionKey,
  );
  if (spread.length > 0) out.push("\n");
  for (const row of spread) {
    const crit = template.criteria.find((c) => c.key === row.criterionKey);
    const marks = row.sections.map((s) => `${MARK_ICON[s.mark]} ${title(s.sectionKey)}`).join(" · ");
    out.push(`${crit?.name[locale] ?? row.criterionKey} (${row.weight}%): ${marks}\n`);
  }
  if (check.consistency.length > 0) out.push("\n");
  for (const f of check.consistency) out.push(`${title(f.sectionKey)}: ${f.warning.text[locale]}\n`);
  if (check.topFixes.length === 0) {
    out.push("\n", t.cekAllGood);
    return trimEnd(out);
  }
  out.push("\n", { b: t.cekTopFixes }, "\n");
  check.topFixes.forEach((f, i) => {
    out.push(`${i + 1}. ${t.fixLine(title(f.sectionKey), f.weight, t.markWord[f.mark])}\n`);
    for (const m of f.missing.slice(0, 2))
      out.push(`   – ${m.label[locale]}: ${m.note ? `${m.note[locale]} ` : ""}${m.tip[locale]}\n`);
  });
  return trimEnd(out);
}

function trimEnd(r: RichText): RichText {
  const last = r[r.length - 1];
  if (typeof last === "string") r[r.length - 1] = last.replace(/\n+$/, "");
  return r;
}
