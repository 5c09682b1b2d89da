import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** Where the hand-labelled corpus lives (tests and the eval run from the repository root). */
export const CORPUS_DIR = "tests/fixtures/corpus";

export const THROWAWAY_REASONS = [
  "keyboard",
  "lorem",
  "repeated",
  "question_copied",
  "too_short",
  "off_topic",
  "other",
] as const;

export const STYLES = [
  "abbrev",
  "padded",
  "plans",
  "flowery",
  "regional",
  "typo",
  "table",
  "english",
  "concise",
  "long",
] as const;

/** One section answer labelled as a KemenPANRB reviewer would (see tests/fixtures/corpus/README.md). */
export const labelledAnswerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+-[a-z0-9]+-\d{3}$/),
  template: z.string().min(1),
  section: z.string().min(1),
  text: z.string().min(1),
  elements: z.record(z.string(), z.boolean()),
  complete: z.boolean(),
  throwaway: z.union([z.literal(false), z.enum(THROWAWAY_REASONS)]),
  language: z.enum(["id", "en", "other"]),
  style: z.array(z.enum(STYLES)),
  judgement: z.array(z.string().regex(/^[a-z_]+: .+/)),
  note: z.string().min(1).optional(),
});
export type LabelledAnswer = z.infer<typeof labelledAnswerSchema>;

/** One whole proposal labelled for the cross-section rules. */
export const labelledProposalSchema = z.strictObject({
  id: z.string().regex(/^p-\d{2}$/),
  template: z.string().min(1),
  registration: z.strictObject({ title: z.string().min(1), startYear: z.number().int().min(2000).max(2100) }),
  sections: z.record(z.string(), z.string().min(1)),
  consistency: z.strictObject({
    problem_figure_reappears: z.boolean(),
    goal_measured: z.boolean(),
    start_year_agrees: z.boolean(),
    ringkasan_figures_in_body: z.boolean(),
    pasted_paragraph_sections: z.array(z.string()),
  }),
  judgement: z.array(z.string().regex(/^[a-z_]+: .+/)),
  note: z.string().min(1).optional(),
});
export type LabelledProposal = z.infer<typeof labelledProposalSchema>;

/** Parses a JSON Lines file with the schema; throws naming the file and line of the first bad line. */
export function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const r = schema.safeParse(raw);
    if (!r.success)
      throw new Error(
        `${file}:${i + 1}: ${r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
      );
    out.push(r.data);
  });
  return out;
}

/** Every labelled section answer, keyed by the file's template id (file name without .jsonl). */
export function loadCorpusAnswers(dir = CORPUS_DIR): Map<string, LabelledAnswer[]> {
  const out = new Map<string, LabelledAnswer[]>();
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".jsonl") && n !== "proposals.jsonl" && n !== "intent.jsonl")
    .sort())
    out.set(f.replace(/\.jsonl$/, ""), readJsonl(join(dir, f), labelledAnswerSchema));
  return out;
}

export function loadCorpusProposals(dir = CORPUS_DIR): LabelledProposal[] {
  return readJsonl(join(dir, "proposals.jsonl"), labelledProposalSchema);
}
