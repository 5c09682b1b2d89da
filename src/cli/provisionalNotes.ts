import type { Template } from "../core/templates/templateSchema.ts";

/**
 * The template's data not yet confirmed by an official source, for the secretariat to check
 * before relying on it (shown at `competition create` and in `report`).
 */
export function provisionalLines(template: Template): string[] {
  if (template.provisional.length === 0) return [];
  return [
    `Provisional in template ${template.id} (not confirmed by an official source; check before relying on it):`,
    ...template.provisional.map((p) => `  - ${p}`),
  ];
}
