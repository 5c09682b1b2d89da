import type { Effect } from "../core/dialogue/turnTypes.ts";
import type { Template } from "../core/templates/templateSchema.ts";
import type { Prisma } from "../db/generated/client.ts";
import { setVideoUrl } from "../db/queries/attachments.ts";

type Tx = Prisma.TransactionClient;

/** Effects that are only markers for listeners: nothing of them is stored. */
const MARKERS: ReadonlySet<Effect["kind"]> = new Set(["sectionChecked", "proposalChecked"]);

/** Whether applyEffects would write anything (a turn without it saves in one statement). */
export function storesAny(effects: readonly Effect[]): boolean {
  return effects.some((e) => !MARKERS.has(e.kind));
}

/** Persists one turn's effects inside the turn's transaction. */
export async function applyEffects(
  tx: Tx,
  effects: readonly Effect[],
  ctx: { contactId: string; templateOf: (competitionId: string) => Template | undefined },
): Promise<void> {
  for (const e of effects) {
    switch (e.kind) {
      case "createProposal": {
        const unit = await tx.unit.upsert({
          where: { name_instansi: { name: e.unit, instansi: e.instansi } },
          create: { name: e.unit, instansi: e.instansi },
          update: {},
          select: { id: true },
        });
        await tx.membership.upsert({
          where: { contactId_unitId: { contactId: ctx.contactId, unitId: unit.id } },
          create: { contactId: ctx.contactId, unitId: unit.id },
          update: {},
        });
        const firstStage = ctx.templateOf(e.competitionId)?.stages[0]?.key ?? "pendaftaran";
        await tx.proposal.create({
          data: {
            id: e.proposalId,
            code: e.code,
            competitionId: e.competitionId,
            unitId: unit.id,
            title: e.title,
            group: e.group,
            category: e.category,
            startYear: e.startYear,
            stage: firstStage,
            createdById: ctx.contactId,
            events: { create: { stage: firstStage, actorId: ctx.contactId, note: "created in chat" } },
          },
        });
        break;
      }
      case "saveSection": {
        const draft = await tx.sectionDraft.upsert({
          where: { proposalId_sectionKey: { proposalId: e.proposalId, sectionKey: e.sectionKey } },
          create: { proposalId: e.proposalId, sectionKey: e.sectionKey, text: e.text, mark: e.mark },
          update: { text: e.text, mark: e.mark },
          select: { id: true },
        });
        await tx.sectionRevision.create({
          data: { draftId: draft.id, text: e.text, authorId: ctx.contactId, source: e.source },
        });
        await tx.proposal.update({ where: { id: e.proposalId }, data: { readiness: e.readiness } });
        break;
      }
      case "setVideo":
        await setVideoUrl(tx, e.proposalId, e.url);
        break;
      case "setLocale":
        await tx.contact.update({ where: { id: ctx.contactId }, data: { locale: e.locale } });
        break;
      case "sectionChecked":
      case "proposalChecked":
        // A marker for listeners (LLM feedback follows a rule check); nothing to store.
        break;
    }
  }
}
