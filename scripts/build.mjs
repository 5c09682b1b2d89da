/**
 * Compiles src/ to dist/ (one JavaScript file per TypeScript file, the same folder layout, so
 * paths relative to import.meta keep working) with esbuild: about a second, versus tsx compiling
 * every module in the bot process at each start and holding its compiler beside the bot
 * (about 330 MB and several seconds; docs/benchmarks.md, issue 18). Types are checked by
 * `npm run typecheck`, not here. Skipped when dist/ is newer than every source file.
 */
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const out = join(root, "dist");
const stamp = join(out, ".built");

function walk(dir, files = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, files);
    else files.push(p);
  }
  return files;
}

/** Builds when needed; returns whether it did. */
export async function build({ force = false } = {}) {
  const files = walk(src);
  const newest = Math.max(
    ...files.map((f) => statSync(f).mtimeMs),
    statSync(join(root, "package.json")).mtimeMs,
  );
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return false;
  // Built beside and swapped in whole: a second start at the same moment never sees half a tree.
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const entryPoints = files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  await esbuild.build({
    entryPoints,
    outdir: tmp,
    outbase: src,
    // Every import stays an import (nothing is bundled); ours are renamed .ts → .js.
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
    plugins: [
      {
        name: "keep-imports",
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === "entry-point") return undefined;
            if (args.path.startsWith(".") && args.path.endsWith(".ts"))
              return { path: `${args.path.slice(0, -3)}.js`, external: true };
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  // Files that are not TypeScript (worker scripts, assets) go along as they are.
  for (const f of files.filter((x) => !x.endsWith(".ts"))) cpSync(f, join(tmp, relative(src, f)));
  writeFileSync(join(tmp, ".built"), new Date().toISOString());
  rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
  await esbuild.stop?.();
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = performance.now();
  await build({ force: process.argv.includes("--force") });
  process.stdout.write(`built dist/ in ${Math.round(performance.now() - t)} ms\n`);
}
