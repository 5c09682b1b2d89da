import { z } from "zod";
import type { Choice } from "../../core/messages.ts";
import type { Db } from "../../db/createDatabase.ts";
import { readTicketDraft, writeTicketDraft } from "../../db/queries/ticketDrafts.ts";

/** A person part-way through asking, persisted between messages (zod-validated, versioned). */
export const ticketDraftSchema = z.object({
  v: z.literal(1),
  step: z.enum(["text", "proposal", "saved", "kind", "scoreAction", "reason", "offered"]),
  competitionId: z.string().optional(),
  proposalId: z.string().optional(),
  text: z.string().optional(),
  kind: z.enum(["status", "nilai", "teknis", "lainnya", "banding"]).optional(),
  stage: z.string().optional(),
  criterion: z.string().optional(),
  savedId: z.string().optional(),
  /** The choices last offered, so typed numbers and labels work like buttons (WhatsApp). */
  choices: z.array(z.object({ id: z.string(), label: z.string() })).default([]),
  /** Where the person asked from, for the answer's channel. */
  channel: z.string().default(""),
});
export type TicketDraft = z.infer<typeof ticketDraftSchema>;

export async function loadDraft(db: Db, contactId: string): Promise<TicketDraft | undefined> {
  const raw = await readTicketDraft(db, contactId);
  if (raw === undefined) return undefined;
  const r = ticketDraftSchema.safeParse(raw);
  return r.success ? r.data : undefined;
}

export async function saveDraft(db: Db, contactId: string, d: TicketDraft): Promise<void> {
  await writeTicketDraft(db, contactId, d);
}

/** Remembers choices offered outside a draft (/status, /nilai) so a typed number picks one. */
export async function rememberOffer(db: Db, contactId: string, channel: string, choices: Choice[]) {
  await writeTicketDraft(db, contactId, { v: 1, step: "offered", choices, channel });
}
