import { describe, expect, it } from "vitest";
import { countWords } from "../../../src/core/completeness/countWords.ts";

describe("countWords", () => {
  it("counts words as a reader would, keeping KTP-el, 61% and 1.250 as one word each", () => {
    expect(countWords("Cakupan KTP-el naik dari 61% menjadi 93% (1.250 jiwa).")).toBe(9);
  });

  it("ignores bullets, dashes and extra whitespace", () => {
    expect(countWords("  - Tahap pertama\n\n  – persiapan  •  ")).toBe(3);
  });

  it("counts nothing in an empty or blank text", () => {
    expect(countWords("")).toBe(0);
    expect(countWords(" \n\t ")).toBe(0);
  });
});
