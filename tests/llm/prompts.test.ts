import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createLlmCoach } from "../../src/llm/createLlmCoach.ts";
import { loadPrompts, PROMPT_FILES, PromptFileError } from "../../src/llm/loadPrompts.ts";
import { createInMemoryLlmUsageStore } from "../../src/llm/usageStore.ts";
import { tempDir } from "./fixtures.ts";

const repoPrompts = join(import.meta.dirname, "../../prompts");
const files = Object.values(PROMPT_FILES).map((p) => `${p.id}.md`);

function copyPrompts(): string {
  const dir = tempDir();
  for (const f of files) copyFileSync(join(repoPrompts, f), join(dir, f));
  return dir;
}

const deps = (promptsDir: string) => ({
  apiKey: "k",
  model: "m",
  usage: createInMemoryLlmUsageStore(),
  logger: pino({ level: "silent" }),
  promptsDir,
});

describe("prompt files", () => {
  it("load from prompts/ with the version in the file name", () => {
    const prompts = loadPrompts(repoPrompts);
    expect(prompts.sectionFeedback.id).toBe("section-feedback.v1");
    expect(prompts.proposalReview.id).toBe("proposal-review.v1");
    expect(prompts.intent.id).toBe("intent.v1");
    expect(() => createLlmCoach(deps(repoPrompts))).not.toThrow();
  });

  it("state the coaching rules", () => {
    const text = readFileSync(join(repoPrompts, "section-feedback.v1.md"), "utf8");
    for (const rule of [
      "KemenPANRB",
      "Refine, don't write",
      "Never invent",
      "[angka sebelum]",
      "DATA",
      "{{language}}",
    ])
      expect(text).toContain(rule);
  });

  it("a missing file fails creation with a clear error", () => {
    const dir = copyPrompts();
    rmSync(join(dir, "intent.v1.md"));
    expect(() => createLlmCoach(deps(dir))).toThrow(PromptFileError);
    expect(() => createLlmCoach(deps(dir))).toThrow(`prompt file ${join(dir, "intent.v1.md")}: missing`);
  });

  it("a missing placeholder fails creation, naming it", () => {
    const dir = copyPrompts();
    const f = join(dir, "section-feedback.v1.md");
    writeFileSync(f, readFileSync(f, "utf8").replaceAll("{{end_marker}}", "the end"));
    expect(() => createLlmCoach(deps(dir))).toThrow(
      /section-feedback\.v1\.md: missing placeholder\(s\) \{\{end_marker\}\}/,
    );
  });

  it("an unknown placeholder or an empty file fails creation", () => {
    const dir = copyPrompts();
    writeFileSync(
      join(dir, "intent.v1.md"),
      `${readFileSync(join(dir, "intent.v1.md"), "utf8")}\n{{user_text}}`,
    );
    expect(() => loadPrompts(dir)).toThrow(/unknown placeholder\(s\) \{\{user_text\}\}/);
    writeFileSync(join(dir, "intent.v1.md"), "  \n");
    expect(() => loadPrompts(dir)).toThrow(/intent\.v1\.md: empty/);
  });

  it("bad numbers or an unknown time zone fail creation", () => {
    expect(() => createLlmCoach({ ...deps(repoPrompts), concurrency: 0 })).toThrow(/concurrency/);
    expect(() => createLlmCoach({ ...deps(repoPrompts), timeZone: "Mars/Olympus" })).toThrow();
  });
});
