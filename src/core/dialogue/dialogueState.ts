import { z } from "zod";

/**
 * The coaching dialogue's persisted state: small and explicit, so a turn costs the same at turn
 * 1 and turn 1,000 (it is loaded, never replayed). Versioned and migrated on read.
 */
export const DIALOGUE_STATE_VERSION = 1;

const choiceSchema = z.object({ id: z.string(), label: z.string() });

const newProposalDraft = z.object({
  competitionId: z.string(),
  unit: z.string().optional(),
  instansi: z.string().optional(),
  group: z.string().optional(),
  category: z.string().optional(),
  /** Before the template's registration fields: the title asked by the first version. */
  title: z.string().optional(),
  /** Answers to the template's registration fields, by field key. */
  answers: z.record(z.string(), z.string()).optional(),
});

export const stepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("idle") }),
  z.object({ kind: z.literal("chooseCompetition") }),
  z.object({
    kind: z.literal("newProposal"),
    /** "unit", "instansi", "group", "category", or a key of the template's registration fields. */
    field: z.string(),
    draft: newProposalDraft,
  }),
  z.object({
    kind: z.literal("writing"),
    sectionKey: z.string(),
    mode: z.enum(["replace", "append"]),
    /** Messages received for this answer, not yet closed with "selesai". */
    buffer: z.array(z.string()),
    /** A message the bot could not tell apart (answer or question), kept until the user says. */
    held: z.string().optional(),
  }),
  z.object({
    kind: z.literal("reviewed"),
    sectionKey: z.string(),
    /** Free text sent after the review, held until the user says whether it replaces or adds. */
    pending: z.string().optional(),
  }),
  z.object({ kind: z.literal("chooseSection") }),
  z.object({ kind: z.literal("chooseProposal") }),
  z.object({ kind: z.literal("history"), sectionKey: z.string() }),
  z.object({ kind: z.literal("chooseLocale") }),
]);
export type Step = z.infer<typeof stepSchema>;

export const dialogueStateSchema = z.object({
  v: z.literal(DIALOGUE_STATE_VERSION),
  proposalId: z.string().optional(),
  /** The section the user last worked on (for /lihat, /ubah, /riwayat outside a section). */
  sectionKey: z.string().optional(),
  step: stepSchema,
  /** Where a digression (/bagian, /riwayat, /proposal, /bahasa) returns to. */
  returnTo: stepSchema.optional(),
  /** The choices last offered, so "2" or the words of a label pick one on any channel. */
  choices: z.array(choiceSchema).default([]),
  welcomed: z.boolean().default(false),
  /** Replies in a row that did not understand the person (two offer "Tanya sekretariat"). */
  misses: z.number().int().min(0).optional(),
});
export type DialogueState = z.infer<typeof dialogueStateSchema>;

export function initialState(): DialogueState {
  return { v: DIALOGUE_STATE_VERSION, step: { kind: "idle" }, choices: [], welcomed: false };
}

/**
 * Reads stored JSON into a valid state. Unknown or damaged state starts over at the menu rather
 * than failing the user's message: drafts live in their own tables, so nothing written is lost.
 */
export function readState(raw: unknown): { state: DialogueState; recovered: boolean } {
  const migrated = migrate(raw);
  const r = dialogueStateSchema.safeParse(migrated);
  if (r.success) return { state: r.data, recovered: false };
  const keep = z.object({ proposalId: z.string().optional() }).safeParse(raw);
  return {
    state: { ...initialState(), proposalId: keep.success ? keep.data.proposalId : undefined, welcomed: true },
    recovered: true,
  };
}

function migrate(raw: unknown): unknown {
  // Version 1 is the first; later versions add their upgrade steps here, oldest first.
  return raw;
}
