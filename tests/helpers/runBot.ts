import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout contains the text (or rejects after timeoutMs). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcessWithoutNullStreams>();
// A test that fails half-way must not leave a bot behind, retrying a fake server that is gone.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Starts `src/main.ts` as a real process (as `npm start` does) with the given environment. */
export function runBot(env: Record<string, string>, args: string[] = []): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    // A free port for the HTTP surface unless the test names one: bots run side by side.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", HTTP_PORT: "0", ...env },
    stdio: "pipe",
  });
  running.add(child);
  child.on("exit", () => running.delete(child));
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(text, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const hit = () => (typeof text === "string" ? out.includes(text) : text.test(out));
        const timer = setInterval(() => {
          if (hit()) {
            clearInterval(timer);
            clearTimeout(limit);
            resolve();
          }
        }, 25);
        const limit = setTimeout(() => {
          clearInterval(timer);
          reject(
            new Error(
              `timed out waiting for ${text}; stdout: ${out.slice(-500)}; stderr: ${err.slice(-500)}`,
            ),
          );
        }, timeoutMs);
      });
    },
  };
}
