import { z } from "zod";
import { keySchema as key, localizedSchema } from "./baseSchemas.ts";

/**
 * How a required element is recognised in a draft. Each kind is implemented once in
 * core/completeness/detectors; `keywords` lets a template add its own vocabulary.
 */
export const detectorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("numbers"), min: z.number().int().positive().default(1) }),
  z.object({ kind: z.literal("beforeAfter") }),
  z.object({ kind: z.literal("dates") }),
  z.object({ kind: z.literal("legalBasis") }),
  z.object({ kind: z.literal("budget") }),
  z.object({ kind: z.literal("stakeholders") }),
  z.object({ kind: z.literal("replication") }),
  z.object({ kind: z.literal("evaluation"), external: z.boolean().default(false) }),
  z.object({ kind: z.literal("videoLink") }),
  /** Implementation stages: "Tahap I/II", dated lists, "pertama, kedua", "rakor → bimtek → go-live". */
  z.object({ kind: z.literal("stages") }),
  /** A time for the stages: two or more dates, months or years (one span or a start year is not). */
  z.object({ kind: z.literal("schedule") }),
  /** Urgency as a consequence with a horizon: "pada 2026 diperkirakan 900 kasus". */
  z.object({ kind: z.literal("urgency") }),
  /** A specific problem: what was wrong, with a figure or detail ("hanya 61% lansia sudah merekam"). */
  z.object({ kind: z.literal("problem") }),
  /** An objective naming what should change or for whom, not a slogan ("pelayanan prima"). */
  z.object({ kind: z.literal("goal") }),
  /** How many named adopters implemented the innovation: "4 puskesmas", "Kabupaten X dan Y". */
  z.object({ kind: z.literal("replicationScale") }),
  z.object({
    kind: z.literal("keywords"),
    any: z.array(z.string().min(1)).min(1),
    minMatches: z.number().int().positive().default(1),
    /** Only mentions stated as done count: "SOP sedang disusun" is a plan, not an SOP. */
    statedAsDone: z.boolean().optional(),
  }),
]);
export type DetectorSpec = z.infer<typeof detectorSchema>;

export const requiredElementSchema = z.object({
  key,
  label: localizedSchema,
  detector: detectorSchema,
  tip: localizedSchema,
});
export type RequiredElement = z.infer<typeof requiredElementSchema>;

export const sectionSchema = z.object({
  key,
  title: localizedSchema,
  purpose: localizedSchema,
  questions: z.array(localizedSchema).min(1),
  /** Word range the coaches suggest: guidance ("panduan"), never a reason for "belum lengkap". */
  minWords: z.number().int().nonnegative().default(0),
  maxWords: z.number().int().positive().optional(),
  /**
   * Limits the competition's own guide sets (KIPP: Ringkasan at most 200 words): rules that do
   * make a section incomplete. Templates written before this field get Ringkasan's maxWords as
   * official on read (see migrateOfficialLimits).
   */
  officialWords: z
    .object({ min: z.number().int().positive().optional(), max: z.number().int().positive().optional() })
    .optional(),
  /** Share of the total score, in percent. */
  weight: z.number().min(0).max(100),
  elements: z.array(requiredElementSchema).default([]),
  /** Older names of the section, for matching headings of imported documents. */
  aliases: z.array(z.string()).default([]),
});
export type Section = z.infer<typeof sectionSchema>;
