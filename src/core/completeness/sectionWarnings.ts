import { checkText, checkTextL } from "../i18n/checkTexts.ts";
import type { Section } from "../templates/templateSchema.ts";
import { findSmsAbbreviations } from "./detectAbbreviations.ts";
import { findUnexplainedAcronyms } from "./detectAcronyms.ts";
import { detectForeignLanguage } from "./detectLanguage.ts";
import { isPadded } from "./detectPadding.ts";
import type { VagueClaim } from "./detectVagueClaims.ts";
import type { SectionWarning } from "./sectionWarning.ts";

const MAX_VAGUE = 2;

/** The notes of one non-empty, non-throwaway section, in the order they are shown. */
export function sectionWarnings(
  section: Section,
  text: string,
  words: number,
  claims: VagueClaim[],
): SectionWarning[] {
  const out: SectionWarning[] = [];
  const official = section.officialWords;
  if (official?.max !== undefined && words > official.max)
    out.push({ kind: "official_limit", text: checkText("official_long", { words, max: official.max }) });
  else if (official?.min !== undefined && words < official.min)
    out.push({ kind: "official_limit", text: checkText("official_short", { words, min: official.min }) });
  else if (words < section.minWords)
    out.push({
      kind: "length_guidance",
      text: checkText("guidance_short", { words, min: section.minWords, max: section.maxWords ?? "…" }),
    });
  else if (section.maxWords !== undefined && words > section.maxWords && official?.max === undefined)
    out.push({ kind: "length_guidance", text: checkText("guidance_long", { words, max: section.maxWords }) });
  const foreign = detectForeignLanguage(text);
  if (foreign) out.push({ kind: "language", text: checkTextL("language", { language: foreign.name }) });
  if (isPadded(text)) out.push({ kind: "padding", text: checkText("padding", { words }) });
  for (const c of claims.slice(0, MAX_VAGUE))
    out.push({ kind: "vague_claim", text: checkText("vague_claim", { quote: c.quote }) });
  const sms = findSmsAbbreviations(text);
  if (sms.length > 0)
    out.push({
      kind: "abbreviation",
      text: checkText("abbreviation", { found: quoteList(sms.slice(0, 4)) }),
    });
  const acronyms = findUnexplainedAcronyms(text);
  if (acronyms.length > 0)
    out.push({ kind: "acronym", text: checkText("acronym", { found: acronyms.join(", ") }) });
  return out;
}

function quoteList(xs: string[]): string {
  return xs.map((x) => `“${x}”`).join(", ");
}
