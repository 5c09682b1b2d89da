import type { z } from "zod";
import type { LlmCallOutcome } from "./usageStore.ts";

export type CheckedAnswer<T> =
  | { outcome: "ok"; value: T }
  | { outcome: Exclude<LlmCallOutcome, "ok">; detail?: string };

/** The second validation: the answer is parsed and checked by zod whatever the server claims. */
export function validateAnswer<T>(
  schema: z.ZodType<T>,
  res: { content: string | null; refusal: string | null; finishReason: string | null },
): CheckedAnswer<T> {
  if (res.refusal) return { outcome: "refusal" };
  if (res.finishReason === "length") return { outcome: "truncated" };
  let json: unknown;
  try {
    json = JSON.parse(res.content ?? "");
  } catch {
    return {
      outcome: "invalid_json",
      detail: `content of ${res.content?.length ?? 0} characters is not JSON`,
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    // Paths and messages only: the rejected values may quote the writer's text.
    return {
      outcome: "schema_violation",
      detail: parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
        .join("; "),
    };
  return { outcome: "ok", value: parsed.data };
}
