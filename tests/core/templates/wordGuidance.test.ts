import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../../src/core/templates/loadTemplates.ts";
import { templateSchema } from "../../../src/core/templates/templateSchema.ts";

describe("word limits: guidance unless marked official", () => {
  const bundled = loadTemplates("prompts/templates");

  it("marks only Ringkasan's 200 words official in the KIPP-format templates, nothing in the others", () => {
    for (const [id, t] of bundled) {
      const official = t.sections.filter((s) => s.officialWords?.max || s.officialWords?.min);
      // sivablik-kalbar follows the KIPP format and gets Ringkasan's maximum on read
      if (id.startsWith("kipp-") || id === "sivablik-kalbar")
        expect(official.map((s) => [s.key, s.officialWords])).toEqual([["ringkasan", { max: 200 }]]);
      else expect(official).toEqual([]);
    }
  });

  it("reads a template written before officialWords with Ringkasan's maximum as the one rule", () => {
    const legacy = structuredClone(bundled.get("kipp-2023-umum")!) as unknown as {
      sections: { officialWords?: unknown; key: string }[];
    };
    for (const s of legacy.sections) delete s.officialWords;
    const t = templateSchema.parse(legacy);
    expect(t.sections.find((s) => s.key === "ringkasan")?.officialWords).toEqual({ max: 200 });
    expect(t.sections.filter((s) => s.officialWords).map((s) => s.key)).toEqual(["ringkasan"]);
  });
});
