import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KlinikError } from "../core/errors.ts";

/** A prompt file that is missing, empty or does not fit the code; thrown at start-up. */
export class PromptFileError extends KlinikError {
  override readonly name = "PromptFileError";
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`prompt file ${file}: ${problem}`, { file, problem });
  }
}

/**
 * The prompts the coach uses, with the version in the file name. A new wording gets a new file
 * (section-feedback.v2.md) and a change here, so logs and usage records say which one answered.
 */
export const PROMPT_FILES = {
  sectionFeedback: {
    id: "section-feedback.v1",
    placeholders: [
      "language",
      "competition_name",
      "section_title",
      "section_weight",
      "section_limits",
      "section_purpose",
      "section_questions",
      "criteria",
      "rule_findings",
      "begin_marker",
      "end_marker",
    ],
  },
  proposalReview: {
    id: "proposal-review.v1",
    placeholders: [
      "language",
      "competition_name",
      "sections",
      "summary_section",
      "begin_marker",
      "end_marker",
    ],
  },
  intent: { id: "intent.v1", placeholders: ["language", "begin_marker", "end_marker"] },
} as const;

export type PromptName = keyof typeof PROMPT_FILES;
type Vars<N extends PromptName> = Record<(typeof PROMPT_FILES)[N]["placeholders"][number], string>;

export interface Prompt<N extends PromptName> {
  /** File name without ".md", e.g. "section-feedback.v1". */
  id: string;
  render(vars: Vars<N>): string;
}

export type Prompts = { [N in PromptName]: Prompt<N> };

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Reads and checks every prompt file; throws PromptFileError naming the file and the problem. */
export function loadPrompts(dir: string): Prompts {
  const load = <N extends PromptName>(name: N): Prompt<N> => {
    const spec = PROMPT_FILES[name];
    const file = join(dir, `${spec.id}.md`);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new PromptFileError(file, code === "ENOENT" ? "missing" : `unreadable (${code ?? String(e)})`);
    }
    if (text.trim() === "") throw new PromptFileError(file, "empty");
    const found = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
    const expected = new Set<string>(spec.placeholders);
    const missing = [...expected].filter((p) => !found.has(p));
    const unknown = [...found].filter((p) => !expected.has(p));
    if (missing.length > 0)
      throw new PromptFileError(file, `missing placeholder(s) ${missing.map((p) => `{{${p}}}`).join(", ")}`);
    if (unknown.length > 0)
      throw new PromptFileError(file, `unknown placeholder(s) ${unknown.map((p) => `{{${p}}}`).join(", ")}`);
    return {
      id: spec.id,
      // One pass over the file text: a value containing "{{x}}" is never expanded again.
      render: (vars) =>
        text.replace(PLACEHOLDER, (_, key: string) => (vars as Record<string, string>)[key] ?? ""),
    };
  };
  return {
    sectionFeedback: load("sectionFeedback"),
    proposalReview: load("proposalReview"),
    intent: load("intent"),
  };
}
