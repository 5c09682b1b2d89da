import { readFileSync } from "node:fs";
import { afterAll } from "vitest";

/**
 * The figures every hardening suite reports, one line per suite, so a soak run (`npm run
 * test:soak`) can be read at a glance. The suites assert the zeros themselves; this only counts
 * and prints.
 */
export interface SoakFigures {
  /** Messages the simulated people (or the hostile corpus) sent. */
  sent: number;
  /** Replies the bot gave to them. */
  replies: number;
  /** Messages that got no reply. */
  lost: number;
  /** Messages answered more than once. */
  doubled: number;
  /** Bot process exits (or handler crashes) that our kills did not cause. */
  crashed: number;
}

export interface SoakReport {
  add(f: Partial<SoakFigures>): void;
  /** Samples a bot process's peak resident memory (VmHWM in /proc) until it exits. */
  watch(pid: number | undefined): void;
  /** The figures so far, with peak memory in MB. */
  figures(): SoakFigures & { peakMb: number };
}

/**
 * The report of one suite (a test file), printed after its tests. `process` when the bot runs
 * inside the test worker (its memory is the worker's); otherwise call watch() for each process.
 */
export function soakReport(suite: string, opts: { inProcess?: boolean } = {}): SoakReport {
  const f: SoakFigures = { sent: 0, replies: 0, lost: 0, doubled: 0, crashed: 0 };
  let peakKb = 0;
  const sample = (pid: number) => {
    const kb = peakRssKb(pid);
    if (kb > peakKb) peakKb = kb;
    return kb > 0;
  };
  const report: SoakReport = {
    add(more) {
      for (const k of Object.keys(f) as (keyof SoakFigures)[]) f[k] += more[k] ?? 0;
    },
    watch(pid) {
      if (pid === undefined) return;
      // VmHWM is the process's own high-water mark: sampling catches it up to the last tick.
      const timer = setInterval(() => {
        if (!sample(pid)) clearInterval(timer);
      }, 250);
      timer.unref();
    },
    figures() {
      if (opts.inProcess) sample(process.pid);
      return { ...f, peakMb: Math.round(peakKb / 1024) };
    },
  };
  afterAll(() => {
    const r = report.figures();
    process.stdout.write(
      `soak ${suite}: messages sent ${r.sent}, replies ${r.replies}, lost ${r.lost}, doubled ${r.doubled}, ` +
        `crashed ${r.crashed}, peak memory ${r.peakMb} MB${opts.inProcess ? " (test worker)" : ""}\n`,
    );
  });
  return report;
}

/** A process's peak resident set size in kB (0 once it is gone). */
export function peakRssKb(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * A size for `npm test` and one for the soak run; SOAK_SCALE (e.g. 0.2) shrinks the soak sizes
 * for a shorter soak, never below the `npm test` size.
 */
export function soakSize(soak: number, short: number): number {
  if (!process.env.SOAK) return short;
  const scale = Number(process.env.SOAK_SCALE ?? 1);
  return Math.max(short, Math.round(soak * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
