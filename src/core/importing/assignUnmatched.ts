import type { SplitResult } from "./splitIntoSections.ts";

/**
 * Moves unmatched chunk `index` (0-based, as in `preview.unmatched`) to the end of section
 * `sectionKey`, creating the section when the document had none. Returns a new preview; the
 * given one is not changed. Section order stays as given (new sections go last); the importer
 * validates keys against the template.
 */
export function assignUnmatched(preview: SplitResult, index: number, sectionKey: string): SplitResult {
  const chunk = preview.unmatched[index];
  if (chunk === undefined)
    throw new RangeError(`no unmatched chunk ${index} (there are ${preview.unmatched.length})`);
  const unmatched = preview.unmatched.filter((_, i) => i !== index);
  const existing = preview.sections.find((s) => s.key === sectionKey);
  const sections = existing
    ? preview.sections.map((s) => (s.key === sectionKey ? { ...s, text: `${s.text}\n\n${chunk}` } : s))
    : [...preview.sections, { key: sectionKey, text: chunk, heading: "" }];
  return { sections, unmatched };
}
