import { readFileSync } from "node:fs";
import { loadTemplateFile } from "../../../src/core/templates/loadTemplates.ts";
import type { Section } from "../../../src/core/templates/sectionSchema.ts";

/** The bundled KIPP 2023 template and its per-section fixtures (tests run from the repository root). */
export const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");

export function kippSection(key: string): Section {
  const s = KIPP.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
}

export function draft(key: string, kind: "good" | "bad"): string {
  return readFileSync(`tests/fixtures/kipp-2023-umum/${key}.${kind}.txt`, "utf8");
}

export function throwawayFixture(name: string): string {
  return readFileSync(`tests/fixtures/throwaway/${name}.txt`, "utf8");
}

/** Every section's draft of one kind, keyed by section key (a whole proposal). */
export function proposal(kind: "good" | "bad"): Record<string, string> {
  return Object.fromEntries(KIPP.sections.map((s) => [s.key, draft(s.key, kind)]));
}
