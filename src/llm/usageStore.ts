/** What an LLM call was for. */
export type LlmPurpose = "section_feedback" | "proposal_review" | "intent";

/**
 * How a call that reached the model ended: `ok`, or an answer the coach threw away (not JSON,
 * outside the schema, a refusal, or cut off by the token limit). Calls that got no answer at all
 * (timeout, 429/5xx after retries, connection errors) are only logged, never recorded, so a server
 * outage does not eat the contacts' daily quota.
 */
export type LlmCallOutcome = "ok" | "invalid_json" | "schema_violation" | "refusal" | "truncated";

export interface LlmUsageEntry {
  contactId: string;
  /** Absent for intent classification outside a competition. */
  competitionId: string | null;
  purpose: LlmPurpose;
  model: string;
  /** Prompt file that produced the call, e.g. "section-feedback.v1". */
  promptId: string;
  promptTokens: number;
  completionTokens: number;
  outcome: LlmCallOutcome;
  createdAt: Date;
}

/**
 * Token usage per contact and competition, and the count behind the daily quota. The coach records
 * one entry per answered call and asks for the number of entries of a contact since the start of
 * the local day. Implementations must not throw for a contact they have never seen (count 0).
 */
export interface LlmUsageStore {
  record(entry: LlmUsageEntry): Promise<void>;
  /** Entries of `contactId` (any competition, purpose or outcome) with `createdAt >= since`. */
  countCalls(query: { contactId: string; since: Date }): Promise<number>;
}

/** For tests and the embedded default: entries live in an array, readable as `entries`. */
export function createInMemoryLlmUsageStore(): LlmUsageStore & { readonly entries: LlmUsageEntry[] } {
  const entries: LlmUsageEntry[] = [];
  return {
    entries,
    async record(entry) {
      entries.push({ ...entry });
    },
    async countCalls({ contactId, since }) {
      return entries.filter((e) => e.contactId === contactId && e.createdAt.getTime() >= since.getTime())
        .length;
    },
  };
}
