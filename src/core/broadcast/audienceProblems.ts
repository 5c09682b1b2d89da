import type { Template } from "../templates/templateSchema.ts";
import { type Audience, audienceParts } from "./audienceSchema.ts";

/**
 * Filters naming a stage, group or category the competition's template does not have: each
 * problem names the valid keys, so "stage:nope" is an error rather than an audience of nobody.
 */
export function audienceProblems(audience: Audience, template: Template): string[] {
  const parts = audienceParts(audience);
  const check = (kind: string, asked: string[], valid: string[]) =>
    asked
      .filter((v) => !valid.includes(v))
      .map((v) =>
        valid.length
          ? `${kind} "${v}" is not in this competition; valid: ${valid.join(", ")}`
          : `${kind} "${v}": this competition has no ${kind === "category" ? "categories" : `${kind}s`}`,
      );
  return [
    ...check(
      "stage",
      parts.stages,
      template.stages.map((s) => s.key),
    ),
    ...check(
      "group",
      parts.groups,
      template.groups.map((g) => g.key),
    ),
    ...check(
      "category",
      parts.categories,
      template.categories.map((c) => c.key),
    ),
  ];
}
