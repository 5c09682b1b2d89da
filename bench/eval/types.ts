/** One figure of an eval suite beside its target: `op` says which side of the target passes. */
export interface EvalTarget {
  name: string;
  value: number;
  target: number;
  op: ">=" | "<=";
  met: boolean;
}

/** What every suite in bench/eval/suites/*.ts returns from its exported `run()`. */
export interface EvalResult {
  name: string;
  /** Printed as they are: tables, per-template and per-element figures. */
  lines: string[];
  targets: EvalTarget[];
}

/** Builds a target row, deciding `met` from the operator. */
export function target(name: string, value: number, targetValue: number, op: ">=" | "<="): EvalTarget {
  const met = op === ">=" ? value >= targetValue - 1e-9 : value <= targetValue + 1e-9;
  return { name, value, target: targetValue, op, met };
}
