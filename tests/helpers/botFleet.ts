import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./roundRobinProxy.ts";
import { type BotProcess, runBot } from "./runBot.ts";

export interface FleetBot {
  proc: BotProcess;
  /** http://127.0.0.1:<port> of its HTTP surface. */
  base: string;
}

/** Starts bot processes (src/main.ts) side by side with the same environment, each on its own port. */
export async function startFleet(count: number, env: Record<string, string>): Promise<FleetBot[]> {
  const bots: FleetBot[] = [];
  for (let i = 0; i < count; i++) bots.push(await startOne(env));
  await Promise.all(bots.map((b) => waitHealthy(b)));
  return bots;
}

/** One bot process; `port` to restart a killed one where a load balancer expects it. */
export async function startOne(env: Record<string, string>, port?: number): Promise<FleetBot> {
  port ??= await freePort();
  const proc = runBot({
    DATA_DIR: mkdtempSync(join(tmpdir(), "klinik-fleet-")),
    HTTP_HOST: "127.0.0.1",
    HTTP_PORT: String(port),
    LOG_LEVEL: "warn",
    ...env,
  });
  return { proc, base: `http://127.0.0.1:${port}` };
}

/** Resolves once /healthz answers 200 (the bot is up and its database answers). */
export async function waitHealthy(bot: FleetBot, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const ok = await fetch(`${bot.base}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (bot.proc.child.exitCode !== null) throw new Error(`bot exited: ${bot.proc.stderr().slice(-800)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bot not healthy within ${timeoutMs} ms: ${bot.proc.stderr().slice(-800)}`);
}

/** One metric's value from /metrics (labels as written, e.g. 'channel="telegram",status="sent"'). */
export async function metric(bot: FleetBot, name: string, labels = ""): Promise<number> {
  const text = await fetch(`${bot.base}/metrics`).then(
    (r) => r.text(),
    () => "",
  );
  const want = labels ? `${name}{${labels},app="klinik"}` : `${name}{app="klinik"}`;
  const line = text.split("\n").find((l) => l.startsWith(`${want} `));
  return line ? Number(line.slice(want.length + 1)) : 0;
}

/** The index of the process that is the dispatcher now (after an election), waiting for one. */
export async function dispatcherOf(bots: FleetBot[], timeoutMs = 60_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const [i, b] of bots.entries())
      if (b.proc.child.exitCode === null && (await metric(b, "klinik_dispatcher")) === 1) return i;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("no dispatcher elected");
}

/** The largest number of times in any window of `ms` (a pace check). */
export function busiestWindow(times: number[], ms = 1_000): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < t.length; hi++) {
    while (t[hi]! - t[lo]! >= ms) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
