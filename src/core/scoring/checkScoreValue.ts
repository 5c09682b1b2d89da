import type { Template } from "../templates/templateSchema.ts";

export type ValueProblem =
  | { kind: "notNumber" }
  | { kind: "offScale"; min: number; max: number }
  | { kind: "offStep"; step: number };

/**
 * Parses a spreadsheet value ("7,5" as written in Indonesian sheets, or a number) and checks it
 * against the template's scale and step.
 */
export function checkScoreValue(
  raw: string,
  scale: Template["scoreScale"],
): { value: number } | { problem: ValueProblem } {
  const s = raw.trim();
  const normal = s.includes(",") && !s.includes(".") ? s.replace(",", ".") : s;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return { problem: { kind: "notNumber" } };
  const value = Number(normal);
  if (value < scale.min || value > scale.max)
    return { problem: { kind: "offScale", min: scale.min, max: scale.max } };
  if (scale.step !== undefined) {
    const k = (value - scale.min) / scale.step;
    if (Math.abs(k - Math.round(k)) > 1e-9) return { problem: { kind: "offStep", step: scale.step } };
  }
  return { value };
}
