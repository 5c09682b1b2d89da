import { displayTotal, formatIndex } from "../core/scoring/scoreDisplay.ts";
import type { Template } from "../core/templates/templateSchema.ts";

/**
 * Released results in `klinik report`: per stage the number of results and either the predikat
 * counts with the index range (an index template such as PEKPPP, 0–5 with two decimals) or the
 * mean total in percent.
 */
export function releasedLines(
  template: Template,
  rows: readonly { stage: string; code: string; total: number | null }[],
): string[] {
  if (rows.length === 0) return [];
  const out = ["Released results:"];
  for (const stage of [...new Set(rows.map((r) => r.stage))]) {
    const totals = rows.filter((r) => r.stage === stage && r.total !== null).map((r) => r.total!);
    const head = `  ${stage.padEnd(24)} ${String(totals.length).padStart(6)} result(s)`;
    if (totals.length === 0) {
      out.push(head);
      continue;
    }
    if (!template.scoreDisplay) {
      const mean = totals.reduce((s, v) => s + v, 0) / totals.length;
      out.push(`${head}, mean total ${mean.toFixed(1)} of 100`);
      continue;
    }
    const shown = totals.map((t) => displayTotal(template, t));
    const values = shown.map((s) => s.value);
    const decimals = template.scoreDisplay.decimals;
    const fmt = (v: number) => formatIndex("en", v, decimals);
    out.push(
      `${head}, index ${fmt(Math.min(...values))}–${fmt(Math.max(...values))} of ${template.scoreScale.max}`,
    );
    const counts = new Map<string, number>();
    for (const s of shown) {
      const label =
        s.kind === "index" && s.band ? `${s.band.id}${s.provisional ? " (provisional)" : ""}` : "-";
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    for (const [label, n] of counts) out.push(`    ${label}: ${n}`);
  }
  return out;
}
