import { type ComposeState, DRAFT_TTL_MS, readComposeState } from "../../core/broadcast/composeState.ts";
import type { Db } from "../../db/createDatabase.ts";
import {
  announcementDraftOf,
  dropAnnouncementDraft,
  saveAnnouncementDraft,
} from "../../db/queries/announcements.ts";

export interface Draft {
  competitionId: string;
  state: ComposeState;
  updatedAt: Date;
}

/** The composer's open draft per contact (AnnouncementDraft); an unreadable or expired one is dropped. */
export function createComposeDrafts(db: Db, clock: () => Date) {
  const discard = async (contactId: string): Promise<void> => {
    await dropAnnouncementDraft(db, contactId);
  };
  return {
    discard,
    async load(contactId: string): Promise<Draft | undefined> {
      const row = await announcementDraftOf(db, contactId);
      if (!row) return undefined;
      const state = readComposeState(row.state);
      const savedAt = state ? Date.parse(state.savedAt) : Number.NaN;
      if (!state || !(clock().getTime() - savedAt <= DRAFT_TTL_MS)) {
        await discard(contactId);
        return undefined;
      }
      return { competitionId: row.competitionId, state, updatedAt: row.updatedAt };
    },
    async save(contactId: string, competitionId: string, next: ComposeState): Promise<void> {
      const state = { ...next, savedAt: clock().toISOString() };
      await saveAnnouncementDraft(db, contactId, competitionId, state);
    },
  };
}
