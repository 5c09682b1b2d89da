import type { Criterion } from "../templates/scoringSchema.ts";
import type { Template } from "../templates/templateSchema.ts";

/** One judge's score for one criterion of one proposal, as imported. */
export interface ScoreInput {
  judge: string;
  criterion: string;
  value: number;
  comment?: string;
}

export interface CriterionResult {
  key: string;
  weight: number;
  /** Mean over the judges without a conflict, on the template's scale; null when none scored. */
  mean: number | null;
  judges: number;
}

export interface ProposalScore {
  criteria: CriterionResult[];
  /** Weighted total on 0..100 (percent of the scale); null when no criterion has a mean. */
  total: number | null;
  /** Criteria with weight but no usable score: the total is re-weighted over the others. */
  missing: string[];
}

type Scale = Template["scoreScale"];

/**
 * Aggregates one proposal's scores at one stage: per criterion the mean across judges (judges
 * with a declared conflict of interest are left out entirely), then the weighted total.
 */
export function aggregateScores(
  template: { criteria: Criterion[]; scoreScale: Scale },
  rows: readonly ScoreInput[],
  conflicted: ReadonlySet<string> = new Set(),
): ProposalScore {
  const criteria = template.criteria.map((c) => {
    const values = rows.filter((r) => r.criterion === c.key && !conflicted.has(r.judge)).map((r) => r.value);
    const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
    return { key: c.key, weight: c.weight, mean, judges: values.length };
  });
  return {
    criteria,
    total: weightedTotal(criteria, template.scoreScale),
    missing: criteria.filter((c) => c.weight > 0 && c.mean === null).map((c) => c.key),
  };
}

/**
 * Σ weight × (mean − min)/(max − min) over the scored criteria, divided by their weights and
 * expressed in percent: 0..100 whatever the template's scale (1–5, 0–10, 0–100), so a
 * stage's minScoreToAdvance (e.g. 85) compares directly. Unscored criteria are left out and the
 * remaining weights re-normalised; the caller reports them as missing.
 */
export function weightedTotal(criteria: readonly CriterionResult[], scale: Scale): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    if (c.mean === null || c.weight <= 0) continue;
    sum += c.weight * ((c.mean - scale.min) / (scale.max - scale.min));
    weights += c.weight;
  }
  if (weights === 0) return null;
  return (100 * sum) / weights;
}

/** A mean below 60% of the scale marks a criterion whose sections deserve coaching. */
export function isWeak(mean: number, scale: Scale): boolean {
  return (mean - scale.min) / (scale.max - scale.min) < 0.6;
}
