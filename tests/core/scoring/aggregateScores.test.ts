import { describe, expect, it } from "vitest";
import { aggregateScores, isWeak, weightedTotal } from "../../../src/core/scoring/aggregateScores.ts";
import { checkScoreValue } from "../../../src/core/scoring/checkScoreValue.ts";
import type { Criterion } from "../../../src/core/templates/scoringSchema.ts";

const crit = (key: string, weight: number): Criterion => ({
  key,
  weight,
  name: { id: key, en: key },
  sections: [key],
});
const template = {
  criteria: [crit("dampak", 50), crit("kebaruan", 30), crit("keberlanjutan", 20)],
  scoreScale: { min: 0, max: 100 },
};

describe("aggregateScores", () => {
  it("averages each criterion across judges and weights the total", () => {
    const r = aggregateScores(template, [
      { judge: "A", criterion: "dampak", value: 80 },
      { judge: "B", criterion: "dampak", value: 60 },
      { judge: "A", criterion: "kebaruan", value: 90 },
      { judge: "B", criterion: "kebaruan", value: 70 },
      { judge: "A", criterion: "keberlanjutan", value: 50 },
      { judge: "B", criterion: "keberlanjutan", value: 50 },
    ]);
    expect(r.criteria).toEqual([
      { key: "dampak", weight: 50, mean: 70, judges: 2 },
      { key: "kebaruan", weight: 30, mean: 80, judges: 2 },
      { key: "keberlanjutan", weight: 20, mean: 50, judges: 2 },
    ]);
    // 0.5×70 + 0.3×80 + 0.2×50 = 69
    expect(r.total).toBeCloseTo(69, 9);
    expect(r.missing).toEqual([]);
  });

  it("leaves a judge with a declared conflict out of every criterion", () => {
    const rows = ["dampak", "kebaruan", "keberlanjutan"].flatMap((c) => [
      { judge: "A", criterion: c, value: 60 },
      { judge: "B", criterion: c, value: 80 },
      { judge: "C", criterion: c, value: 100 },
    ]);
    expect(aggregateScores(template, rows).total).toBeCloseTo(80, 9);
    const r = aggregateScores(template, rows, new Set(["C"]));
    expect(r.criteria.map((c) => [c.mean, c.judges])).toEqual([
      [70, 2],
      [70, 2],
      [70, 2],
    ]);
    expect(r.total).toBeCloseTo(70, 9);
  });

  it("normalises a 1–5 scale to 0–100", () => {
    const five = { ...template, scoreScale: { min: 1, max: 5 } };
    const rows = [
      { judge: "A", criterion: "dampak", value: 5 },
      { judge: "A", criterion: "kebaruan", value: 3 },
      { judge: "A", criterion: "keberlanjutan", value: 1 },
    ];
    // 0.5×100% + 0.3×50% + 0.2×0% = 65
    expect(aggregateScores(five, rows).total).toBeCloseTo(65, 9);
    expect(isWeak(3, five.scoreScale)).toBe(true); // 50% of the scale
    expect(isWeak(4, five.scoreScale)).toBe(false); // 75%
  });

  it("re-weights over the scored criteria and names the missing ones", () => {
    const r = aggregateScores(template, [
      { judge: "A", criterion: "dampak", value: 80 },
      { judge: "A", criterion: "kebaruan", value: 40 },
    ]);
    expect(r.missing).toEqual(["keberlanjutan"]);
    expect(r.total).toBeCloseTo((50 * 80 + 30 * 40) / 80, 9);
    expect(weightedTotal([], template.scoreScale)).toBeNull();
  });
});

describe("checkScoreValue", () => {
  const scale = { min: 1, max: 10, step: 0.5 };
  it("accepts values on the scale and step, with a decimal comma", () => {
    expect(checkScoreValue("7,5", scale)).toEqual({ value: 7.5 });
    expect(checkScoreValue("10", scale)).toEqual({ value: 10 });
  });
  it("names what is wrong", () => {
    expect(checkScoreValue("tujuh", scale)).toEqual({ problem: { kind: "notNumber" } });
    expect(checkScoreValue("11", scale)).toEqual({ problem: { kind: "offScale", min: 1, max: 10 } });
    expect(checkScoreValue("7.25", scale)).toEqual({ problem: { kind: "offStep", step: 0.5 } });
  });
});
