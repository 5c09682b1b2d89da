import { z } from "zod";
import { keySchema as key, localizedSchema } from "./baseSchemas.ts";

export const indicatorSchema = z.object({ key, name: localizedSchema, weight: z.number().min(0).max(100) });

export const criterionSchema = z.object({
  key,
  name: localizedSchema,
  weight: z.number().min(0).max(100),
  /** Sections whose text evidences this criterion (drives score-to-coaching feedback). */
  sections: z.array(key).min(1),
  indicators: z.array(indicatorSchema).optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** The five criteria of an innovation in PermenPANRB 91/2021, in the regulation's order. */
export const INNOVATION_CRITERIA = [
  "kebaruan",
  "efektif",
  "bermanfaat",
  "mudah_disebarkan",
  "berkelanjutan",
] as const;
export type InnovationCriterion = (typeof INNOVATION_CRITERIA)[number];

/**
 * An index shown on the score scale (PEKPPP: 0–5, two decimals) with its predikat bands, highest
 * first: a total at or above `min` (strictly above when `above`) earns the band's label.
 */
export const scoreDisplaySchema = z.object({
  kind: z.literal("index"),
  decimals: z.number().int().min(0).max(4).default(2),
  bands: z
    .array(
      z.object({
        min: z.number(),
        above: z.boolean().default(false),
        label: localizedSchema,
        /** Not confirmed by an official source. */
        provisional: z.boolean().default(false),
      }),
    )
    .default([]),
});
export type ScoreDisplay = z.infer<typeof scoreDisplaySchema>;
