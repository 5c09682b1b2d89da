import { z } from "zod";
import { keySchema as key, localizedSchema } from "./baseSchemas.ts";

export const stageSchema = z.object({
  key,
  label: localizedSchema,
  /** Judges give scores at this stage. */
  scored: z.boolean().default(false),
  /** Participants are told when their proposal reaches it. */
  announced: z.boolean().default(true),
  /** Minimum total score to advance past this stage (kipp-2025: 85 at desk review). */
  minScoreToAdvance: z.number().optional(),
  /** Only the best N advance past this stage (top 99, top 10). */
  topN: z.number().int().positive().optional(),
  /**
   * Calendar days after this stage's scores are released during which a participant may appeal
   * (banding) a criterion's score; absent = no appeals. KIPP 2020's Top 99 had 5 days.
   */
  appealWindowDays: z.number().int().positive().max(60).optional(),
});
export type Stage = z.infer<typeof stageSchema>;
