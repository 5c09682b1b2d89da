/**
 * `npm run eval`: runs every accuracy suite in bench/eval/suites/*.ts (each exports
 * `run(): Promise<EvalResult>`), prints its lines and its figures beside their targets, and exits
 * 1 when a target is missed. `npm run eval -- checks` runs one suite by file name.
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { EvalResult } from "./types.ts";

const dir = join(fileURLToPath(new URL(".", import.meta.url)), "suites");
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && (!only || basename(f, ".ts") === only))
  .sort();

let missed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run?: () => Promise<EvalResult> };
  if (typeof mod.run !== "function") continue;
  const result = await mod.run();
  process.stdout.write(`\n## ${result.name}\n`);
  for (const l of result.lines) process.stdout.write(`${l}\n`);
  process.stdout.write("\ntargets:\n");
  for (const t of result.targets) {
    if (!t.met) missed++;
    process.stdout.write(
      `${t.met ? "✔" : "✘"} ${t.name}: ${t.value.toFixed(3)} (target ${t.op} ${t.target})\n`,
    );
  }
}
if (files.length === 0) process.stdout.write("eval: no suite found\n");
process.exit(missed > 0 ? 1 : 0);
