import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const FILE = "klinik-http.json";

const controlSchema = z.object({ pid: z.number().int(), port: z.number().int(), token: z.string().min(32) });
export type Control = z.infer<typeof controlSchema>;

/** A fresh token for this run of the bot. */
export const newToken = () => randomBytes(24).toString("hex");

/**
 * Tells CLI commands on this machine how to reach the running bot (port and token), readable by
 * the bot's user only. Written after the HTTP server listens, removed on shutdown.
 */
export function writeControlFile(dataDir: string, c: Control): () => void {
  const path = join(resolve(dataDir), FILE);
  writeFileSync(path, JSON.stringify(c), { mode: 0o600 });
  return () => {
    if (readControlFile(dataDir)?.pid === c.pid) rmSync(path, { force: true });
  };
}

/** The running bot's control data, or undefined when no bot (or a dead one) left it. */
export function readControlFile(dataDir: string): Control | undefined {
  const path = join(resolve(dataDir), FILE);
  if (!existsSync(path)) return undefined;
  try {
    const c = controlSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    process.kill(c.pid, 0);
    return c;
  } catch {
    return undefined;
  }
}
