import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadTemplateFile, parseTemplate } from "../../../src/core/templates/loadTemplates.ts";

const files = readdirSync("prompts/templates").filter((f) => f.endsWith(".json"));

describe("registration fields in templates", () => {
  it.each(files)("%s lists its registration fields and questions", (f) => {
    const raw = JSON.parse(readFileSync(`prompts/templates/${f}`, "utf8"));
    expect(raw.registration.fields.length).toBeGreaterThan(0);
    const t = loadTemplateFile(`prompts/templates/${f}`);
    for (const field of t.registration.fields) expect(field.question.id).toMatch(/\?$/);
  });

  it("PEKPPP asks the evaluation period and the service type, KIPP the title and start year", () => {
    const keys = (f: string) =>
      loadTemplateFile(`prompts/templates/${f}.json`).registration.fields.map((x) => x.key);
    expect(keys("pekppp")).toEqual(["period", "service_type"]);
    expect(keys("kipp-2025")).toEqual(["title", "start_year"]);
  });

  it("a title built from an unknown field, or a start year that is not a year field, is refused", () => {
    const raw = JSON.parse(readFileSync("prompts/templates/kipp-2025.json", "utf8"));
    raw.registration.title = "{judul}";
    raw.registration.startYear = "title";
    expect(() => parseTemplate(JSON.stringify(raw), "x")).toThrow(
      /registration\.title: unknown field "\{judul\}".*registration\.startYear: "title" is not a year field/,
    );
  });
});
