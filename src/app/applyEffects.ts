import type { Effect } from "../core/dialogue/turnTypes.ts";
import type { Template } from "../core/templates/templateSchema.ts";
import type { Tx } from "../db/createDatabase.ts";
import { setVideoUrl } from "../db/queries/attachments.ts";
import { setContactLocale } from "../db/queries/contacts.ts";
import { createChatProposal } from "../db/queries/proposals.ts";
import { saveSectionRevision, setReadiness } from "../db/queries/sections.ts";

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
        await createChatProposal(tx, {
          id: e.proposalId,
          code: e.code,
          competitionId: e.competitionId,
          unit: { name: e.unit, instansi: e.instansi },
          title: e.title,
          group: e.group,
          category: e.category,
          startYear: e.startYear,
          stage: ctx.templateOf(e.competitionId)?.stages[0]?.key ?? "pendaftaran",
          createdById: ctx.contactId,
        });
        break;
      }
      case "saveSection":
        await saveSectionRevision(tx, { ...e, authorId: ctx.contactId });
        await setReadiness(tx, e.proposalId, e.readiness);
        break;
      case "setVideo":
        await setVideoUrl(tx, e.proposalId, e.url);
        break;
      case "setLocale":
        await setContactLocale(tx, ctx.contactId, e.locale);
        break;
      case "sectionChecked":
      case "proposalChecked":
        // A marker for listeners (LLM feedback follows a rule check); nothing to store.
        break;
    }
  }
}
