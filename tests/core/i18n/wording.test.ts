import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every TypeScript file of the app (message catalogs included), without the generated client. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path.includes(join("src", "db", "generated"))) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The Indonesian texts of a template: every "id" of a localized pair, and the provisional notes. */
function indonesianTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) indonesianTexts(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.id === "string" && typeof o.en === "string") out.push(o.id);
    if (Array.isArray(o.provisional))
      out.push(...o.provisional.filter((p): p is string => typeof p === "string"));
    for (const [k, v] of Object.entries(o)) if (k !== "id" && k !== "en") indonesianTexts(v, out);
  }
  return out;
}

// House wording: the reader is "Bapak/Ibu", never "Anda"; "misalnya", never "misal".
const FORBIDDEN = [/\bAnda\b/, /\bmisal\b/i];

describe("Indonesian wording", () => {
  it("no source file (message catalogs and every inline text) says 'Anda' or 'misal'", () => {
    const files = sources("src");
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        .filter(({ line }) => FORBIDDEN.some((re) => re.test(line))),
    );
    expect(hits).toEqual([]);
  });

  it("no bundled template says 'Anda' or 'misal' in its Indonesian texts", () => {
    const dir = "prompts/templates";
    const hits: string[] = [];
    let texts = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
      const all = indonesianTexts(JSON.parse(readFileSync(join(dir, f), "utf8")));
      texts += all.length;
      for (const t of all) if (FORBIDDEN.some((re) => re.test(t))) hits.push(`${f}: ${t}`);
    }
    expect(texts).toBeGreaterThan(300);
    expect(hits).toEqual([]);
  });

  it("the scan would catch the words it forbids", () => {
    expect(FORBIDDEN.some((re) => re.test("data pribadi Anda"))).toBe(true);
    expect(FORBIDDEN.some((re) => re.test("(misal: cakupan 61%)"))).toBe(true);
    expect(FORBIDDEN.some((re) => re.test("misalnya cakupan 61%, Bapak/Ibu"))).toBe(false);
  });
});
