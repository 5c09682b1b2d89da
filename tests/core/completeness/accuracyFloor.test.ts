import { describe, expect, it } from "vitest";
import { evaluateChecks, f1, precision, recall } from "../../../bench/eval/checksEval.ts";
import { loadAnswers, loadProposals } from "../../../bench/eval/corpus.ts";
import { loadTemplates } from "../../../src/core/templates/loadTemplates.ts";

/**
 * Floors a little below the figures `npm run eval` measured on the labelled corpus (see
 * docs/benchmarks.md), so that a detector change that makes the checks worse fails CI. The
 * targets themselves live in the eval, not here.
 */
describe("accuracy of the section checks on the labelled corpus", () => {
  const r = evaluateChecks(loadTemplates("prompts/templates"), loadAnswers(), loadProposals());

  it("reads the whole corpus", () => {
    expect(r.answers).toBeGreaterThanOrEqual(500);
  });

  it("keeps element precision/recall, missing-element flags and marks above their floors", () => {
    expect(f1(r.elements)).toBeGreaterThanOrEqual(0.94);
    expect(r.missingFlagged).toBeGreaterThanOrEqual(0.94);
    expect(r.goodComplete).toBeGreaterThanOrEqual(0.89);
    expect(r.badComplete).toBeLessThanOrEqual(0.05);
  });

  it("keeps throwaway detection above its floors", () => {
    expect(precision(r.throwaway)).toBeGreaterThanOrEqual(0.97);
    expect(recall(r.throwaway)).toBeGreaterThanOrEqual(0.96);
  });

  it("finds the cross-section inconsistencies of proposals.jsonl", () => {
    const all = [...r.rules.values()].reduce(
      (s, c) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn, tn: s.tn + c.tn }),
      { tp: 0, fp: 0, fn: 0, tn: 0 },
    );
    expect(recall(all)).toBeGreaterThanOrEqual(0.9);
    expect(precision(all)).toBeGreaterThanOrEqual(0.9);
  });
});
