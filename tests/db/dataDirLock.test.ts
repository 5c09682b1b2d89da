import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../../src/db/dataDirLock.ts";

const STALE = 2_000;
const children = new Set<ChildProcess>();
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const d = mkdtempSync(join(tmpdir(), "klinik-lock-"));
  dirs.push(d);
  return d;
}

/** A process that takes the lock and holds it; resolves once it holds it. */
async function holder(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/db/holdDataDirLock.ts", dir, String(STALE)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.add(child);
  child.on("exit", () => children.delete(child));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

async function kill9(child: ChildProcess): Promise<void> {
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await gone;
}

/** Files (at any depth) of the folder, for the PID-reuse simulation below. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe("data-folder lock", () => {
  it("refuses a second process while the first one lives, past the stale window", async () => {
    const dir = folder();
    const first = await holder(dir);
    await new Promise((r) => setTimeout(r, STALE + 500));
    await expect(acquireDataDirLock(dir, { staleMs: STALE })).rejects.toThrow(
      /is in use by another Klinik Inovasi process \(pid \d+\)/,
    );
    await kill9(first);
  });

  it("is taken over after kill -9, even when the dead holder's PID now belongs to a live process", async () => {
    const dir = folder();
    const first = await holder(dir);
    const deadPid = String(first.pid);
    await kill9(first);
    // The kernel hands the dead holder's PID to an unrelated process (as after a container restart):
    // wherever the folder recorded that PID, it now names a live process.
    const unrelated = spawn("sleep", ["30"], { stdio: "ignore" });
    children.add(unrelated);
    for (const f of filesOf(dir)) {
      const text = readFileSync(f, "utf8");
      if (text.includes(deadPid)) writeFileSync(f, text.replaceAll(deadPid, String(unrelated.pid)));
    }
    const lock = await acquireDataDirLock(dir, { staleMs: STALE });
    lock.release();
    // …and released cleanly, the next start takes it at once.
    (await acquireDataDirLock(dir, { staleMs: STALE })).release();
    unrelated.kill("SIGKILL");
  }, 20_000);

  it("keeps the folder when its own event loop stalls past the stale window and nobody took it", async () => {
    const dir = folder();
    const lost: Error[] = [];
    const lock = await acquireDataDirLock(dir, { staleMs: STALE, onCompromised: (e) => lost.push(e) });
    const until = Date.now() + STALE + 1_000;
    while (Date.now() < until) {
      // a stalled event loop (a long synchronous step on a loaded machine)
    }
    await new Promise((r) => setTimeout(r, 2_500));
    expect(lost).toEqual([]);
    // Still ours and alive: a second starter is refused.
    await expect(acquireDataDirLock(dir, { staleMs: STALE })).rejects.toThrow(/in use/);
    lock.release();
  }, 20_000);
});
