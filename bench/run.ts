/**
 * `npm run bench`: runs every benchmark and writes one report, bench/results/report.md and
 * report.json, each figure beside its target. PostgreSQL figures need TEST_DATABASE_URL.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { BenchRow } from "./benchDb.ts";
import { runBroadcastBench } from "./broadcastBench.ts";
import { runDashboardBench } from "./dashboard.ts";
import { runDialogueBench } from "./dialogueBench.ts";
import { runStatusBench } from "./statusBench.ts";

// `npm run bench -- peers …`: the side-by-side run against grammY's conversations (it exits).
if (process.argv[2] === "peers") await import("./peers/runPeers.ts");

const pgUrl = process.env.TEST_DATABASE_URL;
const only = process.argv[2];
const suites: [string, () => Promise<BenchRow[]>][] = [
  ["dialogue", () => runDialogueBench({ pgUrl })],
  ["status", async () => (await runStatusBench({ url: pgUrl })).map((r) => ({ bench: "status", ...r }))],
  ["broadcast", () => runBroadcastBench()],
  ["dashboard", () => runDashboardBench({ pgUrl })],
];

const rows: BenchRow[] = [];
for (const [name, run] of suites) {
  if (only && only !== name) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const got = await run();
  rows.push(...got);
  for (const r of got) process.stdout.write(`${line(r)}\n`);
}
function fmt(v: number) {
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2);
}
function line(r: BenchRow) {
  const mark = r.ok === null ? "·" : r.ok ? "✔" : "✘";
  return `${mark} ${r.bench} · ${r.name}: ${fmt(r.value)} ${r.unit} (target ${r.target})`;
}
mkdirSync("bench/results", { recursive: true });
const md = [
  "| benchmark | figure | value | target | met |",
  "|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.bench} | ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.target} | ${r.ok === null ? "–" : r.ok ? "yes" : "NO"} |`,
  ),
].join("\n");
writeFileSync("bench/results/report.md", `# Benchmark report (${new Date().toISOString()})\n\n${md}\n`);
writeFileSync("bench/results/report.json", JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
process.stdout.write("\nReport written to bench/results/report.md and bench/results/report.json\n");
process.exit(0);
