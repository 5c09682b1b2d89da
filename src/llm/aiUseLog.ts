/**
 * A record of every AI suggestion shown to a writer, so the secretariat can answer "did the bot
 * write this?" (it gives advice; the unit writes). The app records what it actually sent.
 */
export interface AiUseEntry {
  proposalId?: string;
  sectionKey?: string;
  contactId: string;
  kind: "section_feedback" | "proposal_review";
  /** The suggestion as shown, e.g. renderSectionFeedback(...).join("\n"). */
  suggestion: string;
  createdAt: Date;
}

export interface AiUseLog {
  record(entry: AiUseEntry): Promise<void>;
}

/** For tests and the embedded default: entries live in an array, readable as `entries`. */
export function createInMemoryAiUseLog(): AiUseLog & { readonly entries: AiUseEntry[] } {
  const entries: AiUseEntry[] = [];
  return {
    entries,
    async record(entry) {
      entries.push({ ...entry });
    },
  };
}
