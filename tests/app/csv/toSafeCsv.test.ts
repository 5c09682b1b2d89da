import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toSafeCsv } from "../../../src/app/csv/toSafeCsv.ts";

describe("toSafeCsv", () => {
  it("neutralises cells a spreadsheet would run as formulas, and keeps numbers as numbers", () => {
    const out = toSafeCsv(
      ["kode", "unit", "nilai"],
      [
        ["KP-AB12", '=HYPERLINK("http://evil","klik")', 74.1],
        ["KP-CD34", "+62 812", -3],
        ["KP-EF56", "-lalu", null],
        ["KP-GH78", "@SUM(A1)", 0],
        ["KP-IJ90", "\tTab", 1],
        ["KP-KL12", "\rCR", 2],
        ["KP-MN34", 'Dinas, "Kota"\nBaris dua', 3],
      ],
    );
    expect(out.startsWith("\uFEFF")).toBe(true);
    const rows = parse(out.slice(1)) as string[][];
    expect(rows.map((r) => r[1])).toEqual([
      "unit",
      '\'=HYPERLINK("http://evil","klik")',
      "'+62 812",
      "'-lalu",
      "'@SUM(A1)",
      "'\tTab",
      "'\rCR",
      'Dinas, "Kota"\nBaris dua',
    ]);
    expect(rows.map((r) => r[2])).toEqual(["nilai", "74.1", "-3", "", "0", "1", "2", "3"]);
  });
});
