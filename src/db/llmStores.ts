import type { AiUseLog } from "../llm/aiUseLog.ts";
import type { LlmUsageStore } from "../llm/usageStore.ts";
import type { Db } from "./createDatabase.ts";

/** LLM token usage in the database: quotas hold across restarts and bot processes. */
export function createPrismaLlmUsageStore(db: Db): LlmUsageStore {
  return {
    async record(e) {
      await db.llmUsage.create({ data: { ...e } });
    },
    async countCalls({ contactId, since }) {
      return db.llmUsage.count({ where: { contactId, createdAt: { gte: since } } });
    },
  };
}

/** The AI-use log per proposal section (exported with the proposal). */
export function createPrismaAiUseLog(db: Db): AiUseLog {
  return {
    async record(e) {
      if (!e.proposalId) return;
      await db.aiSuggestion.create({
        data: {
          proposalId: e.proposalId,
          sectionKey: e.sectionKey,
          contactId: e.contactId,
          kind: e.kind,
          suggestion: e.suggestion,
          createdAt: e.createdAt,
        },
      });
    },
  };
}
