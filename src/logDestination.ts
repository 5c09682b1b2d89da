import { mkdirSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";

/** Where log lines go: the chat's terminal must show the chat only. */
export type LogTarget = { kind: "stderr" } | { kind: "file"; path: string };

/**
 * With the terminal chat on and stderr on that same terminal, log lines would be printed between
 * the bot's replies (a slow LLM's warning in the middle of a section): they go to DATA_DIR/klinik.log
 * instead. stderr stays the target when it is redirected (a file, journald, a pipe) or no chat runs.
 */
export function logTarget(a: { consoleChat: boolean; stderrIsTTY: boolean; dataDir: string }): LogTarget {
  if (a.consoleChat && a.stderrIsTTY) return { kind: "file", path: join(a.dataDir, "klinik.log") };
  return { kind: "stderr" };
}

/** An appending JSON log file for the target, or undefined for stderr (the logger's default). */
export function logDestination(target: LogTarget): NodeJS.WritableStream | undefined {
  if (target.kind === "stderr") return undefined;
  mkdirSync(join(target.path, ".."), { recursive: true });
  return pino.destination({
    dest: target.path,
    append: true,
    sync: true,
  }) as unknown as NodeJS.WritableStream;
}
