import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { z } from "zod";
import { KlinikError } from "../errors.ts";
import { type Template, templateSchema } from "./templateSchema.ts";

/** A template file that failed validation; `message` names the file and every bad field. */
export class TemplateError extends KlinikError {
  override readonly name = "TemplateError";
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join("; ")}`, { file, problems });
  }
}

export function formatIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
}

/** Parses and validates one template from JSON text; throws TemplateError naming file and fields. */
export function parseTemplate(text: string, file: string): Template {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TemplateError(file, [`not valid JSON (${(e as Error).message})`]);
  }
  const r = templateSchema.safeParse(raw);
  if (!r.success) throw new TemplateError(file, formatIssues(r.error.issues));
  const expected = basename(file).replace(/\.json$/, "");
  if (file.endsWith(".json") && r.data.id !== expected)
    throw new TemplateError(file, [`id: "${r.data.id}" must match the file name "${expected}"`]);
  return r.data;
}

export function loadTemplateFile(file: string): Template {
  return parseTemplate(readFileSync(file, "utf8"), file);
}

/** Loads every *.json under dir, keyed by id. */
export function loadTemplates(dir: string): Map<string, Template> {
  const out = new Map<string, Template>();
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const t = loadTemplateFile(join(dir, f));
    out.set(t.id, t);
  }
  return out;
}
