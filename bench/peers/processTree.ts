import { readdirSync, readFileSync } from "node:fs";

/** CPU time and resident memory of a process and all its descendants, read from /proc. */
export interface TreeSample {
  pids: number[];
  /** utime + stime of the live processes, in milliseconds. */
  cpuMs: number;
  rssBytes: number;
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

function stat(pid: number): { ppid: number; cpuTicks: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start after the last ")".
    const rest = s.slice(s.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(rest[1]), cpuTicks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return undefined;
  }
}

function rss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process and every descendant alive now. */
export function sampleTree(root: number): TreeSample {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const s = stat(pid);
    if (!s) continue;
    cpu.set(pid, s.cpuTicks);
    const list = children.get(s.ppid) ?? [];
    list.push(pid);
    children.set(s.ppid, list);
  }
  const pids: number[] = [];
  const walk = (pid: number) => {
    if (!cpu.has(pid)) return;
    pids.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return {
    pids,
    cpuMs: pids.reduce((a, p) => a + (cpu.get(p) ?? 0), 0) * TICK_MS,
    rssBytes: pids.reduce((a, p) => a + rss(p), 0),
  };
}

/** Samples a tree every `everyMs` and keeps its peak memory. */
export function watchPeak(root: number, everyMs = 100) {
  let peak = 0;
  const tick = () => {
    peak = Math.max(peak, sampleTree(root).rssBytes);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    peak: () => peak,
    reset: () => {
      peak = 0;
      tick();
    },
    stop: () => clearInterval(timer),
  };
}
