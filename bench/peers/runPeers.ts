/**
 * `npm run bench -- peers [--reps 3] [--only postgres|embedded] [--load 50x100,200x10]`:
 * Klinik Inovasi beside a grammY + @grammyjs/conversations form bot, each its own process,
 * driven through one fake Bot API server by people who answer the moment the bot replies.
 * Reps alternate between the bots so machine drift hits both; medians are printed with the
 * ratios to the peer and the targets of issue 18.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { type BotSpec, klinikSpec, peerSpec, type RunResult, runOnce } from "./peersBench.ts";

const argv = process.argv.slice(2).filter((a) => a !== "peers");
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const reps = Number(opt("reps") ?? 3);
const only = opt("only");
const loads = (opt("load") ?? "50x100,200x10")
  .split(",")
  .map((l) => l.split("x").map(Number) as [number, number]);
const pgUrl = process.env.TEST_DATABASE_URL;

const pairs: { db: "postgres" | "embedded"; klinik: BotSpec; peer: BotSpec }[] = [];
if (only !== "embedded" && pgUrl)
  pairs.push({ db: "postgres", klinik: klinikSpec("postgres", pgUrl), peer: peerSpec("memory", "runner") });
if (only !== "postgres")
  pairs.push({ db: "embedded", klinik: klinikSpec("embedded"), peer: peerSpec("file", "start") });
if (!pgUrl && only !== "embedded")
  process.stderr.write("peers: no TEST_DATABASE_URL, PostgreSQL pair skipped\n");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function med(rs: RunResult[]): RunResult {
  const m = (f: (r: RunResult) => number) => median(rs.map(f));
  return {
    ...rs[0]!,
    updatesPerSecond: m((r) => r.updatesPerSecond),
    p50: m((r) => r.p50),
    p99: m((r) => r.p99),
    byRange: rs[0]!.byRange.map((b, i) => ({
      range: b.range,
      p50: m((r) => r.byRange[i]!.p50),
      p99: m((r) => r.byRange[i]!.p99),
    })),
    cpuMsPerUpdate: m((r) => r.cpuMsPerUpdate),
    peakRssMb: m((r) => r.peakRssMb),
    idleRssMb: m((r) => r.idleRssMb),
    startupMs: m((r) => r.startupMs),
  };
}

const f0 = (n: number) => n.toFixed(0);
const f2 = (n: number) => n.toFixed(2);
const lines: string[] = [];
const out = (l: string) => {
  lines.push(l);
  process.stdout.write(`${l}\n`);
};
const json: unknown[] = [];
const targets: { name: string; value: string; target: string; met: boolean }[] = [];

for (const [chats, turns] of loads) {
  for (const pair of pairs) {
    const runs: Record<"klinik" | "peer", RunResult[]> = { klinik: [], peer: [] };
    for (let r = 0; r < reps; r++) {
      // Alternate which bot goes first, so drift of the machine hits both alike.
      const order: ("klinik" | "peer")[] = r % 2 === 0 ? ["peer", "klinik"] : ["klinik", "peer"];
      for (const who of order) {
        process.stderr.write(`peers: ${pair[who].name} ${chats}×${turns} rep ${r + 1}/${reps}…\n`);
        runs[who].push(await runOnce(pair[who], chats, turns));
      }
    }
    const k = med(runs.klinik);
    const p = med(runs.peer);
    json.push({ chats, turns, db: pair.db, klinik: runs.klinik, peer: runs.peer });
    out("");
    out(`### ${chats} chats × ${turns} turns, ${pair.db} (median of ${reps})`);
    out("");
    out("| bot | updates/s | p50 ms | p99 ms | CPU ms/update | peak RSS MB | idle RSS MB | start-up ms |");
    out("|---|---|---|---|---|---|---|---|");
    for (const r of [p, k])
      out(
        `| ${r.bot} | ${f0(r.updatesPerSecond)} | ${f0(r.p50)} | ${f0(r.p99)} | ${f2(r.cpuMsPerUpdate)} | ${f0(r.peakRssMb)} | ${f0(r.idleRssMb)} | ${f0(r.startupMs)} |`,
      );
    out(
      `| ratio Klinik ÷ peer | ${f2(k.updatesPerSecond / p.updatesPerSecond)} | ${f2(k.p50 / p.p50)} | ${f2(k.p99 / p.p99)} | ${f2(k.cpuMsPerUpdate / p.cpuMsPerUpdate)} | ${f2(k.peakRssMb / p.peakRssMb)} | | |`,
    );
    out("");
    out(
      `Latency by turn (p50 / p99 ms): ${[p, k].map((r) => `${r.bot}: ${r.byRange.map((b) => `${b.range} ${f0(b.p50)}/${f0(b.p99)}`).join(", ")}`).join("; ")}`,
    );
    if (chats === 50) {
      const want = pair.db === "postgres" ? 1.2 : 1.5;
      targets.push({
        name: `${pair.db}: updates/s ÷ ${p.bot}`,
        value: f2(k.updatesPerSecond / p.updatesPerSecond),
        target: `≥ ${want}`,
        met: k.updatesPerSecond / p.updatesPerSecond >= want,
      });
      targets.push({
        name: `${pair.db}: p99 below the peer's`,
        value: `${f0(k.p99)} vs ${f0(p.p99)} ms`,
        target: "<",
        met: k.p99 < p.p99,
      });
      if (pair.db === "postgres")
        targets.push({
          name: "postgres: CPU per update",
          value: `${f2(k.cpuMsPerUpdate)} ms`,
          target: "≤ 1.5 ms",
          met: k.cpuMsPerUpdate <= 1.5,
        });
      const memCap = pair.db === "postgres" ? 200 : 400;
      targets.push({
        name: `${pair.db}: peak RSS under the 50-chat load`,
        value: `${f0(k.peakRssMb)} MB`,
        target: `≤ ${memCap} MB`,
        met: k.peakRssMb <= memCap,
      });
      if (pair.db === "postgres")
        targets.push({
          name: "postgres: idle RSS after start-up",
          value: `${f0(k.idleRssMb)} MB`,
          target: "≤ 120 MB",
          met: k.idleRssMb <= 120,
        });
      const startCap = pair.db === "postgres" ? 3000 : 6000;
      targets.push({
        name: `${pair.db}: start-up to first poll`,
        value: `${f0(k.startupMs)} ms`,
        target: `≤ ${startCap} ms`,
        met: k.startupMs <= startCap,
      });
    }
  }
}
out("");
out("### Targets");
out("");
out("| target | value | goal | met |");
out("|---|---|---|---|");
for (const t of targets) out(`| ${t.name} | ${t.value} | ${t.target} | ${t.met ? "yes" : "NO"} |`);
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/peers.md",
  `# Peers benchmark (${new Date().toISOString()})\n${lines.join("\n")}\n`,
);
writeFileSync(
  "bench/results/peers.json",
  JSON.stringify({ at: new Date().toISOString(), runs: json, targets }, null, 2),
);
process.stdout.write("\nWritten to bench/results/peers.md and bench/results/peers.json\n");
process.exit(0);
