import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTemplates, parseTemplate, TemplateError } from "../../../src/core/templates/loadTemplates.ts";

const FILE = "prompts/templates/kipp-2023-umum.json";
const base = () => JSON.parse(readFileSync(FILE, "utf8"));

function rejection(json: unknown, file = FILE): TemplateError {
  try {
    parseTemplate(JSON.stringify(json), file);
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error("template was accepted");
}

describe("broken templates are rejected with the file and the field path", () => {
  it("section weights that do not sum to 100", () => {
    const t = base();
    t.sections[4].weight = 25; // signifikansi 30 → 25
    const err = rejection(t);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain("sections.weight: weights sum to 95, expected 100");
  });

  it("a duplicate section key", () => {
    const t = base();
    t.sections[3].key = "kebaruan";
    const err = rejection(t);
    expect(err.file).toBe(FILE);
    expect(err.message).toContain('sections.3.key: duplicate key "kebaruan"');
  });

  it("a criterion that names an unknown section", () => {
    const t = base();
    t.criteria[0].sections = ["latar_belakng"];
    expect(rejection(t).message).toContain('criteria.0.sections.0: unknown section "latar_belakng"');
  });

  it("indicator weights that do not sum to 100", () => {
    const t = JSON.parse(readFileSync("prompts/templates/pekppp.json", "utf8"));
    t.criteria[0].indicators[0].weight = 10;
    expect(rejection(t, "prompts/templates/pekppp.json").message).toContain("criteria.0.indicators.weight");
  });

  it("a detector kind the checks do not know", () => {
    const t = base();
    t.sections[1].elements[0].detector = { kind: "magic" };
    expect(rejection(t).message).toContain("sections.1.elements.0.detector.kind");
  });

  it("an id that does not match the file name", () => {
    expect(rejection(base(), "prompts/templates/kipp-2024.json").message).toContain(
      'id: "kipp-2023-umum" must match',
    );
  });

  describe("when loading a directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "klinik-templates-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("names the broken file among good ones", () => {
      writeFileSync(join(dir, "kipp-2023-umum.json"), readFileSync(FILE, "utf8"));
      const broken = base();
      broken.id = "broken";
      broken.sections[0].weight = 5;
      writeFileSync(join(dir, "broken.json"), JSON.stringify(broken));
      expect(() => loadTemplates(dir)).toThrow(TemplateError);
      expect(() => loadTemplates(dir)).toThrow(
        `${join(dir, "broken.json")}: sections.weight: weights sum to 105`,
      );
    });
  });
});
