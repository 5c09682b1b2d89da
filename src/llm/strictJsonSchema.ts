import { z } from "zod";

/**
 * Keywords that OpenAI's strict structured output accepts (and that llama.cpp, vLLM and Ollama
 * grammars understand). Others (minLength, maxLength, pattern…) are dropped from the wire schema;
 * zod still enforces them when the answer comes back.
 */
const KEPT = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "anyOf",
  "description",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
]);

type Json = Record<string, unknown>;

/** The JSON Schema for `response_format: { type: "json_schema", json_schema: { strict: true } }`. */
export function toStrictJsonSchema(schema: z.ZodType): Json {
  const raw = z.toJSONSchema(schema, { target: "draft-7", io: "output" }) as Json;
  return prune(raw, "$") as Json;
}

function prune(node: unknown, path: string): unknown {
  if (Array.isArray(node)) return node.map((n, i) => prune(n, `${path}[${i}]`));
  if (node === null || typeof node !== "object") return node;
  const src = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (!KEPT.has(k)) continue;
    if (k === "properties") {
      const props: Json = {};
      for (const [name, sub] of Object.entries(v as Json)) props[name] = prune(sub, `${path}.${name}`);
      out[k] = props;
    } else out[k] = prune(v, path);
  }
  if (out.type === "object") {
    // Strict mode needs every property required and no extras; a schema that is not is a bug here.
    const props = Object.keys((out.properties as Json | undefined) ?? {});
    const required = new Set((out.required as string[] | undefined) ?? []);
    if (out.additionalProperties !== false || props.some((p) => !required.has(p)))
      throw new Error(`${path}: strict output needs a strictObject with every property required`);
  }
  return out;
}
