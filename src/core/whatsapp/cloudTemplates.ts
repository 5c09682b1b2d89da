import { z } from "zod";

/** What a bot-initiated message is for; each purpose may name its own approved template. */
export const INITIATED_PURPOSES = ["announcement", "reminder", "notification"] as const;
export type InitiatedPurpose = (typeof INITIATED_PURPOSES)[number];

/** An approved WhatsApp message template: its name and language code as in WhatsApp Manager. */
export const templateRefSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, "template names are lower case letters, digits and _"),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "a language code such as id or en_US"),
  /** Body parameters the template has ({{1}}, {{2}}): 1 = the text; 2 = competition name, text. */
  params: z.number().int().min(0).max(2).default(1),
});
export type TemplateRef = z.infer<typeof templateRefSchema>;

/** Per competition: which template carries each purpose outside the 24-hour window. */
export const cloudTemplatesSchema = z
  .object({
    announcement: templateRefSchema.optional(),
    reminder: templateRefSchema.optional(),
    notification: templateRefSchema.optional(),
  })
  .strict();
export type CloudTemplates = z.infer<typeof cloudTemplatesSchema>;

/** Reads the stored JSON; anything unreadable counts as "no templates" rather than failing sends. */
export function readCloudTemplates(json: unknown): CloudTemplates {
  const parsed = cloudTemplatesSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : {};
}

/** Placeholders ({{1}}, {{2}}…) in a template body, as WhatsApp Manager writes them. */
export function countPlaceholders(body: string): number {
  return new Set([...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => m[1])).size;
}

/** A template text parameter can hold no new lines, tabs or runs of 5+ spaces, and is kept short. */
export const MAX_TEMPLATE_PARAM = 900;

export function templateParam(text: string): string {
  const flat = text
    .replace(/\s*\n+\s*/g, " · ")
    .replace(/\t/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
  return flat.length <= MAX_TEMPLATE_PARAM ? flat : `${flat.slice(0, MAX_TEMPLATE_PARAM - 1).trimEnd()}…`;
}

/** The body parameters of a template send, in order. */
export function templateParams(ref: TemplateRef, competitionName: string, body: string): string[] {
  if (ref.params === 0) return [];
  if (ref.params === 1) return [templateParam(body)];
  return [templateParam(competitionName), templateParam(body)];
}
