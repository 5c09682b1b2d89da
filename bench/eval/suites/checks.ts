/**
 * Accuracy of the section checks against the hand-labelled corpus (tests/fixtures/corpus):
 * per template and element precision, recall and F1, missing elements flagged, good and bad
 * answers marked complete, throwaway detection, and the cross-section rules on proposals.jsonl.
 */
import { loadTemplates } from "../../../src/core/templates/loadTemplates.ts";
import { type Counts, evaluateChecks, f1, precision, recall } from "../checksEval.ts";
import { loadAnswers, loadProposals } from "../corpus.ts";
import { type EvalResult, target } from "../types.ts";

const pct = (x: number) => x.toFixed(3);
const row = (name: string, c: Counts) =>
  `${name.padEnd(44)} P ${pct(precision(c))}  R ${pct(recall(c))}  F1 ${pct(f1(c))}  (tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn})`;

export async function run(): Promise<EvalResult> {
  const templates = loadTemplates("prompts/templates");
  const answers = loadAnswers();
  const proposals = loadProposals();
  const r = evaluateChecks(templates, answers, proposals);
  const lines: string[] = [`${r.answers} answers, ${proposals.length} proposals`];
  for (const [template, byElement] of [...r.perElement].sort()) {
    lines.push("", `### ${template}`);
    const all: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const [key, c] of [...byElement].sort()) {
      lines.push(row(key, c));
      all.tp += c.tp;
      all.fp += c.fp;
      all.fn += c.fn;
      all.tn += c.tn;
    }
    lines.push(row("(template, all elements)", all));
  }
  lines.push(
    "",
    row("all elements", r.elements),
    row("all elements, judgement calls left out", r.elementsUnjudged),
    `missing elements flagged: ${pct(r.missingFlagged)} (${r.elements.tn}/${r.elements.tn + r.elements.fp})`,
    `good answers complete: ${pct(r.goodComplete)} of ${r.goodCount}; bad answers complete: ${pct(r.badComplete)} of ${r.badCount}`,
    row("throwaway", r.throwaway),
  );
  if (r.rules.size > 0) lines.push("", "### cross-section rules (proposals.jsonl)");
  for (const [rule, c] of [...r.rules].sort()) lines.push(row(rule, c));
  // an empty corpus measures nothing: every target is then missed, never met by default
  const measured = r.answers > 0;
  if (!measured) lines.push("no corpus found in tests/fixtures/corpus: nothing measured");
  const t = (name: string, value: number, goal: number, op: ">=" | "<=") =>
    measured ? target(name, value, goal, op) : { ...target(name, value, goal, op), met: false };
  return {
    name: "checks",
    lines,
    targets: [
      t("missing elements flagged", r.missingFlagged, 0.95, ">="),
      t("element F1", f1(r.elements), 0.95, ">="),
      t("good answers complete", r.goodComplete, 0.9, ">="),
      t("bad answers complete", r.badComplete, 0.05, "<="),
      t("throwaway precision", precision(r.throwaway), 0.95, ">="),
      t("throwaway recall", recall(r.throwaway), 0.95, ">="),
    ],
  };
}
