import { z } from "zod";

/**
 * Output schemas of the LLM coach. The same zod schema is sent (as a strict JSON Schema) in
 * `response_format` and used again to validate the answer, so a model or server that ignores the
 * schema still cannot hand the app anything else. Everything here is advice for the writer: none
 * of it is ever stored or shown as an official score.
 */

/** 1 = not yet evident in the text, 2 = partly evident, 3 = clearly evident. Advice, not a score. */
export const adviceRatingSchema = z.literal([1, 2, 3]);
export type AdviceRating = z.infer<typeof adviceRatingSchema>;

/** A longer field is a rewritten section in disguise ("refine, don't write"): reject it. */
const MAX_FIELD_CHARS = 600;
/** The optional example is at most one short sentence. */
export const MAX_EXAMPLE_WORDS = 40;

const text = (max = MAX_FIELD_CHARS) =>
  z
    .string()
    .refine((s) => s.trim().length > 0, "empty")
    .refine((s) => s.length <= max, `longer than ${max} characters`);

export function countWords(s: string): number {
  return s.trim().split(/\s+/).filter(Boolean).length;
}

/**
 * Section feedback for exactly `expectedKeys` (the criteria the section evidences, or the section
 * key itself when no criterion names it). Built per request so the JSON Schema can enumerate the keys.
 */
export function sectionFeedbackSchema(expectedKeys: readonly [string, ...string[]]) {
  return z
    .strictObject({
      criteria: z
        .array(
          z.strictObject({
            criterionKey: z.enum(expectedKeys),
            rating: adviceRatingSchema,
            gap: text(),
            nextStep: text(),
          }),
        )
        .min(expectedKeys.length)
        .max(expectedKeys.length),
      example: z
        .string()
        .nullable()
        .refine(
          (s) => s === null || countWords(s) <= MAX_EXAMPLE_WORDS,
          `more than ${MAX_EXAMPLE_WORDS} words`,
        )
        .refine((s) => s === null || !/\n\s*\S/.test(s.trim()), "more than one line"),
      summary: text(),
    })
    .superRefine((v, ctx) => {
      const got = v.criteria.map((c) => c.criterionKey);
      const missing = expectedKeys.filter((k) => !got.includes(k));
      if (missing.length > 0 || new Set(got).size !== got.length)
        ctx.addIssue({
          code: "custom",
          path: ["criteria"],
          message: `expected each of [${expectedKeys.join(", ")}] once, got [${got.join(", ")}]`,
        });
    });
}

export interface CriterionAdvice {
  criterionKey: string;
  rating: AdviceRating;
  /** What is missing or weak, quoting the writer's own words. */
  gap: string;
  nextStep: string;
}

/** Coaching advice on one section. Never an official score. */
export interface SectionFeedback {
  criteria: CriterionAdvice[];
  /** At most one short sentence with placeholders such as [angka sebelum]; never a rewritten section. */
  example?: string;
  summary: string;
}

export const proposalReviewSchema = z.strictObject({
  consistency: z.strictObject({ problemStrategyResult: adviceRatingSchema, comment: text() }),
  ringkasanMatchesBody: z.boolean(),
  comment: text(),
  topSuggestions: z.array(text(300)).max(3),
});
/** Whole-proposal advice: consistency of problem, strategy and result; summary vs body. */
export type ProposalReview = z.infer<typeof proposalReviewSchema>;

export const INTENTS = ["status", "scores", "help", "drafting", "other"] as const;
export const intentSchema = z.strictObject({
  intent: z.enum(INTENTS),
  confidence: z.number().min(0).max(1),
});
/** What a free-text message is about; the app decides what to do with a low confidence. */
export type Intent = z.infer<typeof intentSchema>;
