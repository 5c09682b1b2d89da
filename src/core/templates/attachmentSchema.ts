import { z } from "zod";
import { keySchema as key, localizedSchema } from "./baseSchemas.ts";

/**
 * What a template asks to be attached. `kind` tells the upload checklist which entry is the SK,
 * which the video link and which the supporting documents; `sections` lists the sections that
 * need a supporting document of their own (KIPP: every section but Ringkasan).
 */
export const attachmentSchema = z.preprocess(
  inferAttachmentKind,
  z.object({
    key,
    name: localizedSchema,
    kind: z.enum(["sk", "video", "supporting", "other"]).default("other"),
    required: z.boolean().default(false),
    rules: localizedSchema.optional(),
    sections: z.array(key).default([]),
  }),
);
export type AttachmentSpec = z.infer<typeof attachmentSchema>;

/**
 * Competitions store a snapshot of their template; snapshots taken before attachments had a
 * `kind` get it from the bundled keys, so their SK and video still reach the upload checklist.
 */
function inferAttachmentKind(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || "kind" in raw) return raw;
  const k = String((raw as { key?: unknown }).key ?? "");
  const kind = /^sk(_|$)/.test(k)
    ? "sk"
    : /video/.test(k)
      ? "video"
      : /dokumen_pendukung|bukti_dukung/.test(k)
        ? "supporting"
        : undefined;
  return kind ? { ...raw, kind } : raw;
}
