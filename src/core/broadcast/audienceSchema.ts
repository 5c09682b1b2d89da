import { z } from "zod";
import { KlinikError } from "../errors.ts";

/**
 * Who an announcement goes to, as a pure description (stored in Announcement.audience and
 * resolved against the database by app/broadcast/resolveAudience). Filters of the same kind are
 * alternatives (stage A or stage B); filters of different kinds all apply (stage A and group B).
 * No filter means everyone with a proposal in the competition.
 */

export const PUSH_CHANNELS = ["telegram", "whatsapp"] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];

const value = z.string().trim().min(1).max(200);

export const audienceFilterSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stage"), value }),
  z.object({ kind: z.literal("group"), value }),
  z.object({ kind: z.literal("category"), value }),
  z.object({ kind: z.literal("region"), value }),
  /** Proposals with a template section not yet marked complete. */
  z.object({ kind: z.literal("incomplete") }),
  z.object({ kind: z.literal("channel"), value: z.enum(PUSH_CHANNELS) }),
]);
export type AudienceFilter = z.infer<typeof audienceFilterSchema>;
export type AudienceKind = AudienceFilter["kind"];

export const AUDIENCE_VERSION = 1;
export const audienceSchema = z.object({
  version: z.literal(AUDIENCE_VERSION),
  filters: z.array(audienceFilterSchema).max(50),
});
export type Audience = z.infer<typeof audienceSchema>;

export const EVERYONE: Audience = { version: AUDIENCE_VERSION, filters: [] };

/** The filters grouped by kind: what resolution and descriptions work from. */
export interface AudienceParts {
  stages: string[];
  groups: string[];
  categories: string[];
  regions: string[];
  channels: PushChannel[];
  incomplete: boolean;
}

export function audienceParts(a: Audience): AudienceParts {
  const of = <K extends AudienceKind>(kind: K) => [
    ...new Set(a.filters.flatMap((f) => (f.kind === kind && "value" in f ? [f.value] : []))),
  ];
  return {
    stages: of("stage"),
    groups: of("group"),
    categories: of("category"),
    regions: of("region"),
    channels: of("channel") as PushChannel[],
    incomplete: a.filters.some((f) => f.kind === "incomplete"),
  };
}

/** An audience read from the database; unreadable JSON yields undefined (never a wider audience). */
export function readAudience(json: unknown): Audience | undefined {
  const r = audienceSchema.safeParse(json);
  return r.success ? r.data : undefined;
}

/** A spec the operator typed that does not parse; the message says what is accepted. */
export class AudienceSpecError extends KlinikError {
  override readonly name = "AudienceSpecError";
}

export const AUDIENCE_SPEC_HELP =
  "all | stage:<key> | group:<key> | category:<key> | region:<name> | incomplete | channel:telegram|whatsapp (comma-separated)";

/** Parses the CLI syntax: "all", "stage:evaluasi_proposal,group:umum", "region:Jawa Tengah". */
export function parseAudienceSpec(spec: string): Audience {
  const parts = spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new AudienceSpecError(`empty audience; use ${AUDIENCE_SPEC_HELP}`);
  const filters: AudienceFilter[] = [];
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower === "all" || lower === "semua") continue;
    if (lower === "incomplete" || lower === "belum_lengkap") {
      filters.push({ kind: "incomplete" });
      continue;
    }
    const m = /^([a-z]+)\s*:\s*(.+)$/i.exec(part);
    const kind = m?.[1]?.toLowerCase();
    const parsed = audienceFilterSchema.safeParse({ kind, value: m?.[2]?.trim() });
    if (!m || !parsed.success)
      throw new AudienceSpecError(`"${part}" is not an audience filter; use ${AUDIENCE_SPEC_HELP}`);
    filters.push(parsed.data);
  }
  return { version: AUDIENCE_VERSION, filters };
}

/** The canonical spec of an audience (CLI reports, logs). */
export function formatAudienceSpec(a: Audience): string {
  if (a.filters.length === 0) return "all";
  return a.filters.map((f) => ("value" in f ? `${f.kind}:${f.value}` : f.kind)).join(",");
}
