import { inBoth } from "../i18n/catalog.ts";
import { checkTexts } from "../i18n/checkTexts.ts";
import type { Section } from "../templates/sectionSchema.ts";
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
  const { min: officialMin, max: officialMax } = section.officialWords ?? {};
  const guideMax = section.maxWords;
  if (officialMax !== undefined && words > officialMax)
    out.push({ kind: "official_limit", text: inBoth(checkTexts, (t) => t.officialLong(words, officialMax)) });
  else if (officialMin !== undefined && words < officialMin)
    out.push({
      kind: "official_limit",
      text: inBoth(checkTexts, (t) => t.officialShort(words, officialMin)),
    });
  else if (words < section.minWords)
    out.push({
      kind: "length_guidance",
      text: inBoth(checkTexts, (t) => t.guidanceShort(words, section.minWords, guideMax ?? "…")),
    });
  else if (guideMax !== undefined && words > guideMax && officialMax === undefined)
    out.push({ kind: "length_guidance", text: inBoth(checkTexts, (t) => t.guidanceLong(words, guideMax)) });
  const foreign = detectForeignLanguage(text);
  if (foreign)
    out.push({ kind: "language", text: inBoth(checkTexts, (t, l) => t.language(foreign.name[l])) });
  if (isPadded(text)) out.push({ kind: "padding", text: inBoth(checkTexts, (t) => t.padding(words)) });
  for (const c of claims.slice(0, MAX_VAGUE))
    out.push({ kind: "vague_claim", text: inBoth(checkTexts, (t) => t.vagueClaim(c.quote)) });
  const sms = findSmsAbbreviations(text);
  if (sms.length > 0)
    out.push({
      kind: "abbreviation",
      text: inBoth(checkTexts, (t) => t.abbreviation(quoteList(sms.slice(0, 4)))),
    });
  const acronyms = findUnexplainedAcronyms(text);
  if (acronyms.length > 0)
    out.push({ kind: "acronym", text: inBoth(checkTexts, (t) => t.acronym(acronyms.join(", "))) });
  return out;
}

function quoteList(xs: string[]): string {
  return xs.map((x) => `“${x}”`).join(", ");
}
