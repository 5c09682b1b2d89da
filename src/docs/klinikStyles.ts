/**
 * Word paragraph styles our DOCX export gives to everything that is not a section's text (title
 * page, word counts, the appendix). Import drops paragraphs whose style name starts with
 * META_STYLE_PREFIX, so an exported document imports back to exactly its section texts.
 */
export const META_STYLE_PREFIX = "Klinik Meta";

export const META_STYLES = {
  text: { id: "KlinikMeta", name: `${META_STYLE_PREFIX}` },
  title: { id: "KlinikMetaTitle", name: `${META_STYLE_PREFIX} Title` },
  heading: { id: "KlinikMetaHeading", name: `${META_STYLE_PREFIX} Heading` },
  count: { id: "KlinikMetaCount", name: `${META_STYLE_PREFIX} Count` },
} as const;
