import { yearIn } from "../i18n/dateFormats.ts";
import type { AttachmentSpec } from "../templates/attachmentSchema.ts";
import type { Template } from "../templates/templateSchema.ts";

/** A file attached to a proposal, as the checklist and /lihat see it (never its bytes). */
export interface AttachmentView {
  id: string;
  kind: "sk" | "supporting" | "other";
  sectionKey: string | null;
  fileName: string;
  size: number;
}

/** What the app loads for the checklist; the checklist itself reads nothing else. */
export interface UploadFacts {
  attachments: AttachmentView[];
  videoUrl: string | null;
  startYear: number | null;
  group: string;
  instansi: string;
  /** Other proposals in the whole competition with the same normalised title. */
  sameTitle: { otherUnits: number; sameUnit: number };
  /** Proposals of the same instansi in the competition, this one included. */
  instansiProposals: { all: number; sameGroup: number };
}

export type UploadItem =
  | { key: "sk"; ok: boolean; spec: AttachmentSpec; files: string[] }
  | { key: "supporting"; ok: boolean; spec: AttachmentSpec; done: string[]; missing: string[] }
  | { key: "video"; ok: boolean; spec: AttachmentSpec; url?: string }
  | { key: "age"; ok: boolean; min: number; age?: number; at: Date; atDeadline: boolean }
  | { key: "title"; ok: boolean; otherUnits: number; sameUnit: number }
  | { key: "quota"; ok: boolean; count: number; max: number; group?: string };

/**
 * The upload-readiness checklist: what the administrative check rejects a proposal for, apart
 * from its text. Only what the template requires is listed: a required SK, a supporting document
 * for each section that needs one, a required video link, the innovation's minimum age counted
 * to the registration deadline (a proposal is judged on the day it is submitted, not on the day
 * it is drafted), the title unique in the whole competition, and the instansi's quota.
 */
export function checkUpload(
  template: Template,
  facts: UploadFacts,
  when: { deadline?: Date; now: Date; timezone: string },
): UploadItem[] {
  const items: UploadItem[] = [];
  const files = (pred: (a: AttachmentView) => boolean) => facts.attachments.filter(pred);
  for (const spec of template.attachments.filter((a) => a.required)) {
    if (spec.kind === "sk") {
      const sk = files((a) => a.kind === "sk").map((a) => a.fileName);
      items.push({ key: "sk", ok: sk.length > 0, spec, files: sk });
    } else if (spec.kind === "supporting" && spec.sections.length > 0) {
      const has = new Set(files((a) => a.kind === "supporting").map((a) => a.sectionKey));
      const done = spec.sections.filter((k) => has.has(k));
      const missing = spec.sections.filter((k) => !has.has(k));
      items.push({ key: "supporting", ok: missing.length === 0, spec, done, missing });
    } else if (spec.kind === "video") {
      items.push({
        key: "video",
        ok: Boolean(facts.videoUrl),
        spec,
        ...(facts.videoUrl && { url: facts.videoUrl }),
      });
    }
  }
  const ages = template.eligibility.minInnovationAgeYears;
  const min = ages[facts.group] ?? ages["*"];
  if (min !== undefined) {
    const at = when.deadline ?? when.now;
    const age = facts.startYear === null ? undefined : yearIn(at, when.timezone) - facts.startYear;
    items.push({
      key: "age",
      ok: age !== undefined && age >= min,
      min,
      at,
      atDeadline: when.deadline !== undefined,
      ...(age !== undefined && { age }),
    });
  }
  const { otherUnits, sameUnit } = facts.sameTitle;
  items.push({ key: "title", ok: otherUnits + sameUnit === 0, otherUnits, sameUnit });
  const quotas = template.eligibility.maxProposalsPerInstansi;
  const perGroup = quotas[facts.group];
  const max = perGroup ?? quotas["*"];
  if (max !== undefined && facts.instansi.trim()) {
    const count = perGroup !== undefined ? facts.instansiProposals.sameGroup : facts.instansiProposals.all;
    items.push({
      key: "quota",
      ok: count <= max,
      count,
      max,
      ...(perGroup !== undefined && { group: facts.group }),
    });
  }
  return items;
}
