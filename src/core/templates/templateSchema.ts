import { z } from "zod";
import { attachmentSchema } from "./attachmentSchema.ts";
import { keySchema as key, localizedSchema } from "./baseSchemas.ts";
import { DEFAULT_REGISTRATION, registrationSchema } from "./registrationSchema.ts";
import { criterionSchema, INNOVATION_CRITERIA, scoreDisplaySchema } from "./scoringSchema.ts";
import { sectionSchema } from "./sectionSchema.ts";
import { stageSchema } from "./stageSchema.ts";

/**
 * A competition template: everything that differs between competitions, years and levels,
 * kept as validated data (prompts/templates/*.json), never as code. A competition stores a
 * snapshot of its template, so later edits to the file never change a running competition.
 */

export const TEMPLATE_SCHEMA_VERSION = 1;

const optionSchema = z.object({ key, name: localizedSchema });

export const templateSchema = z
  .object({
    schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: localizedSchema,
    level: z.enum(["national", "provincial", "city"]),
    year: z.number().int().optional(),
    organizer: z.string().default(""),
    /** Marks data not yet confirmed by an official source (shown to the secretariat). */
    provisional: z.array(z.string()).default([]),
    groups: z.array(optionSchema).min(1),
    categories: z.array(optionSchema).default([]),
    /** What registering a proposal asks; KIPP's title and start year when absent. */
    registration: registrationSchema.default(DEFAULT_REGISTRATION),
    sections: z.array(sectionSchema).min(1),
    criteria: z.array(criterionSchema).min(1),
    scoreScale: z.object({ min: z.number(), max: z.number(), step: z.number().positive().optional() }),
    stages: z.array(stageSchema).min(1),
    eligibility: z
      .object({
        /** Minimum age of the innovation in years, per group key ("*" for any group). */
        minInnovationAgeYears: z.record(z.string(), z.number().nonnegative()).default({}),
        maxProposalsPerInstansi: z.record(z.string(), z.number().int().positive()).default({}),
      })
      .default({ minInnovationAgeYears: {}, maxProposalsPerInstansi: {} }),
    attachments: z.array(attachmentSchema).default([]),
    /** Which sections carry the evidence of each PermenPANRB 91/2021 criterion (coaching). */
    innovationCriteria: z.partialRecord(z.enum(INNOVATION_CRITERIA), z.array(key).min(1)).default({}),
    /** How the total is shown: percent of the scale (default), or an index on the scale with bands. */
    scoreDisplay: scoreDisplaySchema.optional(),
  })
  .superRefine((t, ctx) => {
    const dup = (items: { key: string }[], path: string) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        if (seen.has(it.key))
          ctx.addIssue({ code: "custom", path: [path, i, "key"], message: `duplicate key "${it.key}"` });
        seen.add(it.key);
      });
    };
    const sum100 = (items: { weight: number }[], path: (string | number)[]) => {
      const total = items.reduce((s, it) => s + it.weight, 0);
      if (Math.abs(total - 100) > 1e-6)
        ctx.addIssue({ code: "custom", path, message: `weights sum to ${total}, expected 100` });
    };
    dup(t.sections, "sections");
    dup(t.criteria, "criteria");
    dup(t.stages, "stages");
    dup(t.groups, "groups");
    dup(t.categories, "categories");
    t.sections.forEach((s, i) => {
      dup(s.elements, `sections.${i}.elements`);
    });
    sum100(t.sections, ["sections", "weight"]);
    sum100(t.criteria, ["criteria", "weight"]);
    const sectionKeys = new Set(t.sections.map((s) => s.key));
    t.criteria.forEach((c, i) => {
      c.sections.forEach((s, j) => {
        if (!sectionKeys.has(s))
          ctx.addIssue({
            code: "custom",
            path: ["criteria", i, "sections", j],
            message: `unknown section "${s}"`,
          });
      });
      if (c.indicators) {
        dup(c.indicators, `criteria.${i}.indicators`);
        sum100(c.indicators, ["criteria", i, "indicators", "weight"]);
      }
    });
    t.sections.forEach((s, i) => {
      if (s.maxWords !== undefined && s.maxWords < s.minWords)
        ctx.addIssue({
          code: "custom",
          path: ["sections", i, "maxWords"],
          message: "maxWords is below minWords",
        });
    });
    t.attachments.forEach((a, i) => {
      a.sections.forEach((s, j) => {
        if (!sectionKeys.has(s))
          ctx.addIssue({
            code: "custom",
            path: ["attachments", i, "sections", j],
            message: `unknown section "${s}"`,
          });
      });
    });
    for (const [criterion, keys] of Object.entries(t.innovationCriteria))
      (keys ?? []).forEach((s, j) => {
        if (!sectionKeys.has(s))
          ctx.addIssue({
            code: "custom",
            path: ["innovationCriteria", criterion, j],
            message: `unknown section "${s}"`,
          });
      });
    const bands = t.scoreDisplay?.bands ?? [];
    bands.forEach((b, i) => {
      if (i > 0 && b.min > bands[i - 1]!.min)
        ctx.addIssue({
          code: "custom",
          path: ["scoreDisplay", "bands", i, "min"],
          message: "bands must be listed from the highest down",
        });
    });
    const fieldKeys = new Set(t.registration.fields.map((f) => f.key));
    dup(t.registration.fields, "registration.fields");
    for (const m of t.registration.title.matchAll(/\{([^}]*)\}/g))
      if (!fieldKeys.has(m[1]!))
        ctx.addIssue({
          code: "custom",
          path: ["registration", "title"],
          message: `unknown field "{${m[1]}}"`,
        });
    const yearField = t.registration.fields.find((f) => f.key === t.registration.startYear);
    if (t.registration.startYear && yearField?.kind !== "year")
      ctx.addIssue({
        code: "custom",
        path: ["registration", "startYear"],
        message: `"${t.registration.startYear}" is not a year field`,
      });
    if (t.scoreScale.max <= t.scoreScale.min)
      ctx.addIssue({ code: "custom", path: ["scoreScale", "max"], message: "max must exceed min" });
  })
  .transform(migrateOfficialLimits);

export type Template = z.infer<typeof templateSchema>;

/**
 * Before `officialWords` existed every word range was enforced; the only official one was
 * Ringkasan's maximum. A template (or a competition's stored snapshot) that marks no limit as
 * official keeps exactly that rule, and every other range becomes guidance.
 */
function migrateOfficialLimits<
  T extends { sections: { key: string; maxWords?: number; officialWords?: object }[] },
>(t: T): T {
  if (t.sections.some((s) => s.officialWords !== undefined)) return t;
  return {
    ...t,
    sections: t.sections.map((s) =>
      s.key === "ringkasan" && s.maxWords !== undefined ? { ...s, officialWords: { max: s.maxWords } } : s,
    ),
  };
}
