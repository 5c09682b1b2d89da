import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const CORPUS_DIR = "tests/fixtures/corpus";

/** One labelled answer: what a reviewer says each element, completeness and throwaway are. */
export interface LabelledAnswer {
  id: string;
  template: string;
  section: string;
  text: string;
  /** element key → present (as a reviewer reads it). */
  elements: Record<string, boolean>;
  /** Whether a reviewer calls the answer complete (a "good" answer). */
  complete: boolean | undefined;
  throwaway: boolean;
  proposal?: string;
}

/** One whole proposal with the cross-section findings a reviewer expects, per rule. */
export interface LabelledProposal {
  id: string;
  template: string;
  startYear?: number;
  sections: Record<string, string>;
  /** rule (warning kind) → expected to fire somewhere in the proposal. */
  expect: Record<string, boolean>;
}

const answerLine = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    template: z.string(),
    section: z.string(),
    text: z.string(),
    elements: z.record(z.string(), z.boolean()).optional(),
    labels: z.record(z.string(), z.boolean()).optional(),
    complete: z.boolean().optional(),
    quality: z.string().optional(),
    throwaway: z.union([z.boolean(), z.string(), z.null()]).optional(),
    proposal: z.string().optional(),
  })
  .passthrough();

const proposalLine = z
  .object({
    id: z.union([z.string(), z.number()]),
    template: z.string(),
    startYear: z.number().optional(),
    sections: z.record(z.string(), z.string()),
    expect: z.record(z.string(), z.boolean()).optional(),
    rules: z.record(z.string(), z.boolean()).optional(),
  })
  .passthrough();

/** Reads every answer file of the corpus (all *.jsonl but proposals.jsonl). */
export function loadAnswers(dir = CORPUS_DIR): LabelledAnswer[] {
  if (!existsSync(dir)) return [];
  const out: LabelledAnswer[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".jsonl") && x !== "proposals.jsonl").sort()) {
    readFileSync(join(dir, f), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (!line.trim()) return;
        const r = answerLine.parse(JSON.parse(line));
        const complete = r.complete ?? (r.quality ? /^(good|baik|complete|lengkap)$/iu.test(r.quality) : undefined);
        out.push({
          id: String(r.id ?? `${f}:${i + 1}`),
          template: r.template,
          section: r.section,
          text: r.text,
          elements: r.elements ?? r.labels ?? {},
          complete,
          throwaway: r.throwaway !== undefined && r.throwaway !== null && r.throwaway !== false,
          ...(r.proposal !== undefined && { proposal: r.proposal }),
        });
      });
  }
  return out;
}

/** Reads proposals.jsonl, the whole proposals for the cross-section rules. */
export function loadProposals(dir = CORPUS_DIR): LabelledProposal[] {
  const file = join(dir, "proposals.jsonl");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const r = proposalLine.parse(JSON.parse(l));
      return {
        id: String(r.id),
        template: r.template,
        ...(r.startYear !== undefined && { startYear: r.startYear }),
        sections: r.sections,
        expect: r.expect ?? r.rules ?? {},
      };
    });
}
