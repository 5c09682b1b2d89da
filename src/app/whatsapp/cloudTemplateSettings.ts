import type { GraphClient } from "../../channels/whatsapp-cloud/createGraphClient.ts";
import {
  type CloudTemplates,
  cloudTemplatesSchema,
  countPlaceholders,
  INITIATED_PURPOSES,
  type InitiatedPurpose,
  type TemplateRef,
} from "../../core/whatsapp/cloudTemplates.ts";

/** A template setting that cannot be used, in words an operator can act on. */
export class TemplateSettingError extends Error {
  override readonly name = "TemplateSettingError";
}

/**
 * Reads `announcement=pengumuman_klinik:id` (optionally `:2` body parameters) into the
 * competition's template settings; the purpose must be one of announcement, reminder, notification.
 */
export function parseTemplateSpecs(specs: readonly string[]): CloudTemplates {
  const out: Partial<Record<InitiatedPurpose, TemplateRef>> = {};
  for (const spec of specs) {
    const m = /^([a-z]+)=([^:]+):([^:]+)(?::(\d))?$/.exec(spec.trim());
    if (!m)
      throw new TemplateSettingError(
        `"${spec}": write purpose=name:language[:parameters], e.g. announcement=pengumuman_klinik:id:2`,
      );
    const purpose = m[1] as InitiatedPurpose;
    if (!INITIATED_PURPOSES.includes(purpose))
      throw new TemplateSettingError(`"${m[1]}": the purpose is one of ${INITIATED_PURPOSES.join(", ")}`);
    out[purpose] = {
      name: m[2]!,
      language: m[3]!,
      params: m[4] === undefined ? -1 : Number(m[4]),
    } as TemplateRef;
  }
  return out;
}

/**
 * Checks each template against WhatsApp Manager when the Graph API is reachable (it exists in
 * that language, is APPROVED, and its body has the parameters Klinik fills: the text, or the
 * competition's name and the text); without it, only the shape. Returns the settings to store.
 */
export async function validateCloudTemplates(
  settings: CloudTemplates,
  graph: GraphClient | undefined,
): Promise<{ templates: CloudTemplates; notes: string[] }> {
  const notes: string[] = [];
  const checked: Partial<Record<InitiatedPurpose, TemplateRef>> = {};
  for (const purpose of INITIATED_PURPOSES) {
    const ref = settings[purpose];
    if (!ref) continue;
    let params = ref.params;
    if (graph) {
      const found = await graph.templates(ref.name);
      const match = found.find((t) => t.name === ref.name && t.language === ref.language);
      if (!match) {
        const langs = found.map((t) => t.language).join(", ");
        throw new TemplateSettingError(
          `${purpose}: template "${ref.name}" in language "${ref.language}" not found in WhatsApp Manager${langs ? ` (it exists in: ${langs})` : ""}`,
        );
      }
      if (match.status !== "APPROVED")
        throw new TemplateSettingError(
          `${purpose}: template "${ref.name}" is ${match.status}, not APPROVED yet`,
        );
      const n = countPlaceholders(match.body);
      if (n > 2)
        throw new TemplateSettingError(
          `${purpose}: template "${ref.name}" has ${n} body parameters; Klinik fills 1 (the text) or 2 (competition name, text)`,
        );
      if (params >= 0 && params !== n)
        throw new TemplateSettingError(
          `${purpose}: template "${ref.name}" has ${n} body parameter(s), not ${params}`,
        );
      params = n;
    } else {
      if (params < 0) params = 1;
      notes.push(
        `${purpose}: "${ref.name}" (${ref.language}) stored unchecked: the Cloud API is not configured here`,
      );
    }
    checked[purpose] = { name: ref.name, language: ref.language, params };
  }
  const parsed = cloudTemplatesSchema.safeParse(checked);
  if (!parsed.success)
    throw new TemplateSettingError(
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  return { templates: parsed.data, notes };
}
