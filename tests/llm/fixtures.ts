import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { type Template, templateSchema } from "../../src/core/templates/templateSchema.ts";
import { createLlmCoach, type LlmCoachDeps } from "../../src/llm/createLlmCoach.ts";
import { createInMemoryLlmUsageStore } from "../../src/llm/usageStore.ts";
import type { FakeOpenAIServer } from "../fakes/fakeOpenAIServer.ts";

const loc = (id: string, en: string) => ({ id, en });

/** A small template: signifikansi is evidenced by two criteria, ringkasan by none. */
export const template: Template = templateSchema.parse({
  schemaVersion: 1,
  id: "test-llm",
  name: loc("Kompetisi Uji", "Test Competition"),
  level: "national",
  groups: [{ key: "umum", name: loc("Umum", "General") }],
  sections: [
    {
      key: "ringkasan",
      title: loc("Ringkasan", "Summary"),
      purpose: loc("Gambaran singkat inovasi", "A short overview"),
      questions: [loc("Masalah apa yang diselesaikan?", "What problem does it solve?")],
      maxWords: 200,
      weight: 0,
    },
    {
      key: "latar_belakang",
      title: loc("Latar Belakang dan Tujuan", "Background and Goals"),
      purpose: loc("Masalah dan data", "Problem and data"),
      questions: [loc("Apa masalahnya?", "What is the problem?")],
      weight: 40,
    },
    {
      key: "signifikansi",
      title: loc("Signifikansi", "Significance"),
      purpose: loc("Dampak dengan data sebelum dan sesudah", "Impact with before and after data"),
      questions: [loc("Apa dampaknya?", "What is the impact?")],
      weight: 60,
      elements: [
        {
          key: "before_after",
          label: loc("Angka sebelum–sesudah", "Numbers before and after"),
          detector: { kind: "beforeAfter" },
          tip: loc("Tulis kondisi sebelum dan sesudah.", "State before and after."),
        },
      ],
    },
  ],
  criteria: [
    {
      key: "efektif",
      name: loc("Efektif", "Effective"),
      weight: 50,
      sections: ["latar_belakang", "signifikansi"],
    },
    { key: "bermanfaat", name: loc("Bermanfaat", "Beneficial"), weight: 50, sections: ["signifikansi"] },
  ],
  scoreScale: { min: 0, max: 100 },
  stages: [{ key: "evaluasi", label: loc("Evaluasi", "Evaluation"), scored: true }],
});

export const draft =
  "Sebelum inovasi, cakupan KTP-el lansia 61%. Sejak 2021 petugas datang ke rumah; cakupan naik menjadi 93% pada 2023.";

/** A pino logger whose lines land in `lines` (parsed), so tests can read the warnings. */
export function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines, warnings: () => lines.filter((l) => l.level === 40) };
}

export function setup(fake: FakeOpenAIServer, overrides: Partial<LlmCoachDeps> = {}) {
  const usage = createInMemoryLlmUsageStore();
  const log = memoryLogger();
  const coach = createLlmCoach({
    apiKey: "test-key",
    baseURL: fake.baseURL,
    model: "fake-model",
    usage,
    logger: log.logger,
    ...overrides,
  });
  return { coach, usage, ...log };
}

export const sectionInput = (over: Record<string, unknown> = {}) => ({
  locale: "id" as const,
  template,
  sectionKey: "signifikansi",
  text: draft,
  ruleFindings: [{ key: "before_after", present: true }],
  contactId: "contact-1",
  competitionId: "comp-1",
  ...over,
});

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "klinik-llm-"));
}
