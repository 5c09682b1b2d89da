import { z } from "zod";

/**
 * A competition template: everything that differs between competitions, years and levels,
 * kept as validated data (prompts/templates/*.json), never as code. A competition stores a
 * snapshot of its template, so later edits to the file never change a running competition.
 */

export const TEMPLATE_SCHEMA_VERSION = 1;

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, "use lower_snake_case");
export const localizedSchema = z.object({ id: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;

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

const optionSchema = z.object({ key, name: localizedSchema });

/**
 * What a template asks to be attached. `kind` tells the upload checklist which entry is the SK,
 * which the video link and which the supporting documents; `sections` lists the sections that
 * need a supporting document of their own (KIPP: every section but Ringkasan).
 */
export const attachmentSchema = z.preprocess(
  inferAttachmentKind,
  z.object({
    key,
    name: localizedSchema,
    kind: z.enum(["sk", "video", "supporting", "other"]).default("other"),
    required: z.boolean().default(false),
    rules: localizedSchema.optional(),
    sections: z.array(key).default([]),
  }),
);
export type AttachmentSpec = z.infer<typeof attachmentSchema>;

/**
 * Competitions store a snapshot of their template; snapshots taken before attachments had a
 * `kind` get it from the bundled keys, so their SK and video still reach the upload checklist.
 */
function inferAttachmentKind(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || "kind" in raw) return raw;
  const k = String((raw as { key?: unknown }).key ?? "");
  const kind = /^sk(_|$)/.test(k)
    ? "sk"
    : /video/.test(k)
      ? "video"
      : /dokumen_pendukung|bukti_dukung/.test(k)
        ? "supporting"
        : undefined;
  return kind ? { ...raw, kind } : raw;
}

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
/** One question of the registration of a proposal, after the unit, its instansi, group and category. */
export const registrationFieldSchema = z.object({
  key,
  /** "year": a four-digit year up to this year; "text": a short phrase with letters in it. */
  kind: z.enum(["text", "year"]),
  /** What the answer is called in replies ("Judul inovasi" → "Judul inovasi terlalu pendek…"). */
  label: localizedSchema,
  question: localizedSchema,
  example: localizedSchema,
});
export type RegistrationField = z.infer<typeof registrationFieldSchema>;

/** An innovation competition registers a title and the year the innovation started (KIPP). */
export const DEFAULT_REGISTRATION = {
  fields: [
    {
      key: "title",
      kind: "text" as const,
      label: { id: "Judul inovasi", en: "The innovation's title" },
      question: { id: "Apa judul inovasi ini?", en: "What is the title of the innovation?" },
      example: { id: "Jemput Bola KTP-el untuk Lansia", en: "Jemput Bola KTP-el for the Elderly" },
    },
    {
      key: "start_year",
      kind: "year" as const,
      label: { id: "Tahun mulai", en: "Start year" },
      question: {
        id: "Sejak tahun berapa inovasi ini berjalan?",
        en: "Since which year has the innovation been running?",
      },
      example: { id: "2021", en: "2021" },
    },
  ],
  title: "{title}",
  startYear: "start_year",
};

export const registrationSchema = z.object({
  fields: z.array(registrationFieldSchema).min(1),
  /** The proposal's title built from the answers, e.g. "{service_type} ({period})". */
  title: z.string().min(1),
  /** The year field that dates the innovation (minimum-age rule), when the template has one. */
  startYear: key.optional(),
});
export type Registration = z.infer<typeof registrationSchema>;

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
