import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * ADR 0010's "one copy of each cross-cutting rule", kept by reading the sources: one catalog style,
 * one base error class, one slash-command parser, and routes as middleware only.
 */

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path.includes(join("src", "db", "generated"))) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const files = sources("src").map((path) => ({ path, text: readFileSync(path, "utf8") }));

/** A text module that is not built with catalog(), or keeps a "{name}" placeholder table. */
function catalogProblems(path: string, text: string): string[] {
  const out: string[] = [];
  if (!/\bcatalog<[^>]+>\(|\bcatalog\(\{/.test(text)) out.push(`${path}: not built with catalog()`);
  // A whole table chosen per locale (a language tag for Intl is fine).
  if (/locale === "en" \? [a-zA-Z]\w* : [a-zA-Z]\w*;/.test(text))
    out.push(`${path}: switches on the locale by hand`);
  // "{name}" inside a quoted string, not a template literal's ${name}.
  if (/["'][^"'`\n]*(?<!\$)\{[a-z]\w*\}[^"'`\n]*["']/.test(text))
    out.push(`${path}: a "{placeholder}" string`);
  return out;
}

/** Error classes that do not extend KlinikError (directly, or through one of ours). */
function errorProblems(all: { path: string; text: string }[]): string[] {
  const classes = all.flatMap(({ path, text }) =>
    [...text.matchAll(/class (\w+) extends ([\w.]+)/g)].map((m) => ({ path, name: m[1]!, base: m[2]! })),
  );
  const byName = new Map(classes.map((c) => [c.name, c]));
  const out: string[] = [];
  for (const c of classes) {
    let base = c.base;
    const seen = new Set<string>();
    while (byName.has(base) && base !== "KlinikError" && !seen.has(base)) {
      seen.add(base);
      base = byName.get(base)!.base;
    }
    const isError = /(^|\.)(\w*Error)$/.test(base) || base === "KlinikError";
    if (isError && base !== "KlinikError" && c.name !== "KlinikError")
      out.push(`${c.path}: ${c.name} extends ${c.base}`);
  }
  const names = classes.map((c) => c.name);
  for (const n of new Set(names.filter((n, i) => names.indexOf(n) !== i)))
    out.push(`class ${n} is declared twice`);
  return out;
}

describe("one style for each cross-cutting rule", () => {
  it("every *Texts.ts module is a catalog() with typed functions; the older text table is gone", () => {
    const texts = files.filter((f) => basename(f.path).endsWith("Texts.ts"));
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.flatMap((f) => catalogProblems(f.path, f.text))).toEqual([]);
    expect(files.filter((f) => /textTable|textLookup/.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it("every error class extends KlinikError, and no two share a name", () => {
    expect(errorProblems(files)).toEqual([]);
    const base = files.find((f) => f.path === join("src", "core", "errors.ts"));
    expect(base?.text).toMatch(/export class KlinikError extends Error/);
  });

  it("routes are middleware: no older route shape, and only parseCommand reads a slash command", () => {
    expect(files.filter((f) => /\bfromRoute\b|\bAppRoute\b/.test(f.text)).map((f) => f.path)).toEqual([]);
    // The bot-name suffix (/status@KlinikBot) marks a slash-command regex.
    const parsers = files.filter((f) => f.text.includes(String.raw`(?:@\w+)?`)).map((f) => f.path);
    expect(parsers).toEqual([join("src", "core", "commands", "parseCommand.ts")]);
  });

  it("the scans would catch what they forbid", () => {
    expect(
      catalogProblems("a.ts", 'export const t = { x: { id: "Halo {name}", en: "Hi {name}" } };'),
    ).toHaveLength(2);
    expect(
      catalogProblems("b.ts", 'export function t(locale) { return locale === "en" ? en : id; }'),
    ).toHaveLength(2);
    expect(catalogProblems("c.ts", "export const t = catalog<T>({ id, en });")).toEqual([]);
    expect(
      errorProblems([
        { path: "x.ts", text: "class KlinikError extends Error {}\nclass A extends KlinikError {}" },
        {
          path: "y.ts",
          text: "class B extends A {}\nclass C extends TypeError {}\nclass A extends KlinikError {}",
        },
      ]),
    ).toEqual(["y.ts: C extends TypeError", "class A is declared twice"]);
  });
});
