import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { logDestination, logTarget } from "../../src/logDestination.ts";
import { createLogger } from "../../src/logger.ts";

const dir = mkdtempSync(join(tmpdir(), "klinik-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("with the terminal chat on the same terminal as stderr, log lines go to DATA_DIR/klinik.log", () => {
  const target = logTarget({ consoleChat: true, stderrIsTTY: true, dataDir: join(dir, "data") });
  expect(target).toEqual({ kind: "file", path: join(dir, "data", "klinik.log") });
  const logger = createLogger("warn", { destination: logDestination(target) });
  logger.warn({ purpose: "intent" }, "no LLM advice; rule feedback only");
  logger.flush();
  const line = JSON.parse(readFileSync(join(dir, "data", "klinik.log"), "utf8").trim());
  expect(line).toMatchObject({ level: 40, msg: "no LLM advice; rule feedback only", purpose: "intent" });
});

it.each([[{ consoleChat: true, stderrIsTTY: false }], [{ consoleChat: false, stderrIsTTY: true }]])(
  "stderr stays the target when it is not the chat's terminal (%o)",
  (a) => {
    expect(logTarget({ ...a, dataDir: dir })).toEqual({ kind: "stderr" });
  },
);
