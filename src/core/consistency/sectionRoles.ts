import type { Template } from "../templates/templateSchema.ts";

/** Which section of a template plays which part in the cross-section rules. */
export interface SectionRoles {
  summary?: string;
  problem?: string;
  impact?: string;
  implementation?: string;
}

const CANDIDATES: Record<keyof SectionRoles, string[]> = {
  summary: ["ringkasan"],
  problem: ["latar_belakang", "masalah"],
  impact: ["signifikansi", "dampak"],
  implementation: ["implementasi", "inovasi"],
};

/**
 * The roles, found by the bundled templates' stable section keys (KIPP: latar_belakang →
 * signifikansi; kota-satu-inovasi: masalah → dampak). A template without such sections simply
 * has no cross-section rule for them.
 */
export function sectionRoles(template: Template): SectionRoles {
  const keys = new Set(template.sections.map((s) => s.key));
  const roles: SectionRoles = {};
  for (const [role, names] of Object.entries(CANDIDATES) as [keyof SectionRoles, string[]][]) {
    const key = names.find((n) => keys.has(n));
    if (key) roles[role] = key;
  }
  return roles;
}
