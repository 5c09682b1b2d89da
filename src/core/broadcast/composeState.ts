import { z } from "zod";
import { audienceFilterSchema } from "./audienceSchema.ts";

/**
 * Where a secretariat member is in composing an announcement (/umumkan), stored per contact in
 * AnnouncementDraft.state; validated on read, versioned.
 *   competition → audience → (sub) → text → preview → (when)
 */
export const COMPOSE_VERSION = 1;

export const composeStepSchema = z.enum(["competition", "audience", "sub", "text", "preview", "when"]);
export type ComposeStep = z.infer<typeof composeStepSchema>;

/** An option of the current list: what the numbered line or button stands for. */
export const composeOptionSchema = z.object({
  label: z.string(),
  /** A filter to add, or a competition id on the competition step. */
  filter: audienceFilterSchema.optional(),
  competitionId: z.string().optional(),
});
export type ComposeOption = z.infer<typeof composeOptionSchema>;

export const composeStateSchema = z.object({
  version: z.literal(COMPOSE_VERSION),
  step: composeStepSchema,
  filters: z.array(audienceFilterSchema).default([]),
  options: z.array(composeOptionSchema).default([]),
  text: z.string().default(""),
  /** Where the composer talks to the bot: the progress report goes there. */
  channel: z.enum(["telegram", "whatsapp", "console"]),
  chatId: z.string(),
  /** When the draft was last saved (ISO), by the route's clock: drafts expire after DRAFT_TTL_MS. */
  savedAt: z.string().default(""),
});
export type ComposeState = z.infer<typeof composeStateSchema>;

/** Drafts untouched this long are forgotten: free text goes back to the coaching dialogue. */
export const DRAFT_TTL_MS = 6 * 60 * 60 * 1000;

export function readComposeState(json: unknown): ComposeState | undefined {
  const r = composeStateSchema.safeParse(json);
  return r.success ? r.data : undefined;
}
