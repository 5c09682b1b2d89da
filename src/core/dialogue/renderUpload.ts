import type { ProposalCheck } from "../completeness/checkProposal.ts";
import type { AttachmentView, UploadItem } from "../completeness/uploadChecklist.ts";
import { formatDate } from "../i18n/dialogueTexts.ts";
import type { Locale } from "../i18n/locale.ts";
import { type UploadTexts, uploadTexts } from "../i18n/uploadTexts.ts";
import type { RichText } from "../messages.ts";
import { INNOVATION_CRITERIA } from "../templates/scoringSchema.ts";
import type { Section } from "../templates/sectionSchema.ts";
import type { Template } from "../templates/templateSchema.ts";

/** One checklist line (✅/⚠️) and, for a ⚠️, the tip that says what to do. */
export function uploadLines(
  template: Template,
  items: readonly UploadItem[],
  locale: Locale,
  timezone: string,
): { ok: boolean; line: string; tip?: string }[] {
  const u = uploadTexts(locale);
  const title = (key: string) => template.sections.find((s) => s.key === key)?.title[locale] ?? key;
  const group = (key: string) => template.groups.find((g) => g.key === key)?.name[locale] ?? key;
  const line = (it: UploadItem): { ok: boolean; line: string; tip?: string } => {
    switch (it.key) {
      case "sk":
        return it.ok
          ? { ok: true, line: u.skOk(it.files.join(", ")) }
          : { ok: false, line: u.skMissing, tip: u.skTip };
      case "supporting": {
        const n = it.spec.sections.length;
        return it.ok
          ? { ok: true, line: u.supportingOk(n) }
          : {
              ok: false,
              line: u.supportingMissing(it.done.length, n),
              tip: u.supportingTip(it.missing.map(title).join(", ")),
            };
      }
      case "video":
        return it.ok && it.url
          ? { ok: true, line: u.videoOk(it.url) }
          : { ok: false, line: u.videoMissing, tip: withRules(u.videoTip, it.spec.rules?.[locale]) };
      case "age": {
        const at = formatDate(it.at, locale, timezone);
        if (it.age === undefined) return { ok: false, line: u.ageUnknown(it.min), tip: u.ageTip };
        return it.ok
          ? { ok: true, line: u.ageOk(it.age, it.min, at, it.atDeadline) }
          : { ok: false, line: u.ageShort(Math.max(0, it.age), it.min, at, it.atDeadline), tip: u.ageTip };
      }
      case "title":
        return it.ok
          ? { ok: true, line: u.titleOk }
          : { ok: false, line: u.titleDup(it.otherUnits + it.sameUnit, it.otherUnits > 0), tip: u.titleTip };
      case "quota": {
        const g = it.group === undefined ? undefined : group(it.group);
        return it.ok
          ? { ok: true, line: u.quotaOk(it.count, it.max, g) }
          : { ok: false, line: u.quotaOver(it.count, it.max, g), tip: u.quotaTip };
      }
    }
  };
  return items.map(line);
}

/** The checklist block appended to /cek. */
export function renderUploadBlock(
  template: Template,
  items: readonly UploadItem[],
  locale: Locale,
  timezone: string,
): RichText {
  const u = uploadTexts(locale);
  const out: RichText = [{ b: u.cekHeader }];
  for (const l of uploadLines(template, items, locale, timezone))
    out.push(`\n${l.line}${l.tip ? `\n   ${u.tip}: ${l.tip}` : ""}`);
  return out;
}

/** /siap: the upload checklist with tips, and the content completeness in one line. */
export function renderSiap(
  template: Template,
  items: readonly UploadItem[],
  check: ProposalCheck,
  code: string,
  locale: Locale,
  timezone: string,
): RichText {
  const u = uploadTexts(locale);
  const lines = uploadLines(template, items, locale, timezone);
  const ok = lines.filter((l) => l.ok).length;
  const complete = check.sections.filter((s) => s.mark === "complete").length;
  const out: RichText = [{ b: u.siapHeader(code, ok, lines.length) }];
  for (const l of lines) out.push(`\n${l.line}${l.tip ? `\n   ${u.tip}: ${l.tip}` : ""}`);
  out.push(`\n\n${u.siapContent(check.readiness, complete, check.sections.length)}`);
  out.push(`\n${ok === lines.length ? u.siapAllGood : u.siapNext}`);
  return out;
}

/** /lihat's lines on attachments: the SK (when required) and the open section's documents. */
export function attachmentLines(
  template: Template,
  sectionKey: string,
  attachments: readonly AttachmentView[],
  u: UploadTexts,
): string[] {
  const lines: string[] = [];
  if (template.attachments.some((a) => a.kind === "sk")) {
    const sk = attachments.filter((a) => a.kind === "sk").map((a) => a.fileName);
    lines.push(sk.length ? u.lihatSk(sk.join(", ")) : u.lihatNoSk);
  }
  const needs = template.attachments.some((a) => a.kind === "supporting" && a.sections.includes(sectionKey));
  const mine = attachments.filter((a) => a.kind === "supporting" && a.sectionKey === sectionKey);
  if (mine.length) lines.push(u.lihatSupporting(mine.map((a) => a.fileName).join(", ")));
  else if (needs) lines.push(u.lihatNoSupporting);
  return lines;
}

/** The PermenPANRB 91/2021 criteria a section carries evidence for, as one intro line (or none). */
export function criteriaLine(template: Template, section: Section, locale: Locale): string | undefined {
  const u = uploadTexts(locale);
  const names = INNOVATION_CRITERIA.filter((c) => template.innovationCriteria[c]?.includes(section.key)).map(
    (c) => u.criterion[c],
  );
  return names.length ? u.criteriaIntro(names.join(", ")) : undefined;
}

function withRules(tip: string, rules: string | undefined): string {
  return rules ? `${tip} ${rules}` : tip;
}
