import { describe, expect, it } from "vitest";
import { loadIntentCorpus, run } from "../../../bench/eval/suites/intent.ts";
import { classifyMessage } from "../../../src/core/intent/classifyMessage.ts";

const corpus = loadIntentCorpus();

describe("classifyMessage on the labelled corpus", () => {
  it("holds at least 100 labelled messages, drafting sentences with question words among them", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    const askingDrafts = corpus.filter(
      (r) => r.label === "draft" && /\?|\bapa\b|\bbagaimana\b/i.test(r.text),
    );
    expect(askingDrafts.length).toBeGreaterThanOrEqual(10);
  });

  it.each(corpus.map((r) => [r.text, r.label] as const))("%s → %s", (text, label) => {
    expect(classifyMessage(text)).toBe(label);
  });

  it("the accuracy suite reports the figure against its target", async () => {
    const r = await run();
    expect(r.name).toBe("intent");
    expect(r.targets[0]).toMatchObject({
      name: "intent accuracy (rules)",
      target: 0.95,
      op: ">=",
      met: true,
    });
    expect(r.lines[0]).toMatch(/accuracy (0\.9[5-9]\d*|1)$/);
  });

  it("a long passage is text of the answer whatever it starts with", () => {
    const long = `Bagaimana status gizi balita? ${"Kader menimbang balita setiap bulan di posyandu. ".repeat(4)}`;
    expect(classifyMessage(long)).toBe("draft");
  });
});
