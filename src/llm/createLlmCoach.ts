import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import type { z } from "zod";
import type { Locale } from "../core/i18n/locale.ts";
import type { Template } from "../core/templates/templateSchema.ts";
import * as metrics from "../http/metrics.ts";
import {
  type ChatMessages,
  expectedCriteria,
  intentMessages,
  proposalReviewMessages,
  sectionFeedbackMessages,
} from "./buildMessages.ts";
import { createOpenAIClient } from "./createOpenAIClient.ts";
import { dayStart } from "./dayStart.ts";
import { createDraftMarkers } from "./draftDelimiter.ts";
import { loadPrompts } from "./loadPrompts.ts";
import { resolveCoachSettings } from "./resolveCoachSettings.ts";
import type { FallbackReason } from "./retryPolicy.ts";
import {
  type Intent,
  intentSchema,
  type ProposalReview,
  proposalReviewSchema,
  type SectionFeedback,
  sectionFeedbackSchema,
} from "./schemas.ts";
import { createSemaphore } from "./semaphore.ts";
import { toStrictJsonSchema } from "./strictJsonSchema.ts";
import { structuredCall } from "./structuredCall.ts";
import type { LlmPurpose, LlmUsageStore } from "./usageStore.ts";
import { validateAnswer } from "./validateAnswer.ts";

export interface LlmCoachDeps {
  apiKey: string;
  /** Any OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp…), e.g. http://localhost:11434/v1. */
  baseURL?: string;
  model: string;
  /**
   * Longest a caller waits for one answer, in ms (default 30 000): queueing for a free slot,
   * every attempt and every backoff included. The writer is waiting in a chat.
   */
  timeoutMs?: number;
  /** Retries after 429, 408/409, 5xx or a connection failure (default 2), with backoff or retry-after. */
  maxRetries?: number;
  /** Requests in flight at most (default 4); further calls queue. */
  concurrency?: number;
  /** Answered calls per contact per local day (default 50), counted through `usage`. */
  dailyQuotaPerContact?: number;
  usage: LlmUsageStore;
  logger: Logger;
  /** Directory of the versioned prompt files (default <repo>/prompts). */
  promptsDir?: string;
  /** IANA zone whose midnight resets the daily quota (default Asia/Jakarta; pass config.timezone). */
  timeZone?: string;
  now?: () => Date;
}

/**
 * Coaching advice from a language model, on top of the rule checks. The output is advice for the
 * writer only: its ratings are never stored or shown as official scores, which come from judges.
 * Every method resolves to `null` instead of throwing when there is no usable answer (timeout,
 * 429/5xx after retries, malformed or schema-violating JSON, refusal, quota exceeded): the app then
 * shows rule feedback only. The writer's text is sent as delimited data in its own user message,
 * and the output shape is fixed by a strict schema that is validated again here, so instructions
 * hidden in a draft cannot change what the app receives.
 */
export interface LlmCoach {
  /** Advice per criterion the section evidences (or the section itself when none names it). */
  sectionFeedback(input: {
    locale: Locale;
    template: Template;
    sectionKey: string;
    text: string;
    ruleFindings: { key: string; present: boolean }[];
    contactId: string;
    competitionId: string;
  }): Promise<SectionFeedback | null>;
  /** Whole-proposal advice; `texts` maps section keys to text (unknown keys are ignored). */
  proposalReview(input: {
    locale: Locale;
    template: Template;
    texts: Record<string, string>;
    contactId: string;
    competitionId: string;
  }): Promise<ProposalReview | null>;
  /** What a free-text message asks for; the app decides what a low confidence means. */
  classifyIntent(input: {
    locale: Locale;
    text: string;
    contactId: string;
    competitionId?: string;
  }): Promise<Intent | null>;
}

const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL("../../prompts", import.meta.url));

interface CallSpec<T> {
  purpose: LlmPurpose;
  promptId: string;
  contactId: string;
  competitionId: string | null;
  schemaName: string;
  schema: z.ZodType<T>;
  messages: () => ChatMessages;
}

/** Loads and checks the prompt files now: a missing or broken prompt stops start-up with a clear error. */
export function createLlmCoach(deps: LlmCoachDeps): LlmCoach {
  const { timeoutMs, maxRetries, quota, concurrency, timeZone } = resolveCoachSettings(deps);
  const slots = createSemaphore(concurrency);
  const now = deps.now ?? (() => new Date());
  const prompts = loadPrompts(deps.promptsDir ?? DEFAULT_PROMPTS_DIR);
  const log = deps.logger.child({ module: "llm" });
  const client = createOpenAIClient({ apiKey: deps.apiKey, baseURL: deps.baseURL, timeoutMs, logger: log });
  /** Calls in flight per contact: they count against the quota before they are recorded. */
  const pending = new Map<string, number>();

  async function run<T>(spec: CallSpec<T>): Promise<T | null> {
    const started = Date.now();
    const fallback = (reason: FallbackReason, extra: Record<string, unknown> = {}): null => {
      metrics.llmCalls.inc({ purpose: spec.purpose, outcome: reason });
      log.warn(
        {
          purpose: spec.purpose,
          reason,
          contactId: spec.contactId,
          competitionId: spec.competitionId,
          ...extra,
          ms: Date.now() - started,
        },
        "no LLM advice; rule feedback only",
      );
      return null;
    };
    let counted = false;
    try {
      let used: number;
      try {
        used = await deps.usage.countCalls({ contactId: spec.contactId, since: dayStart(now(), timeZone) });
      } catch (e) {
        return fallback("usage_store_error", { err: errText(e) });
      }
      const inFlight = pending.get(spec.contactId) ?? 0;
      if (used + inFlight >= quota) return fallback("quota_exceeded", { used, inFlight, quota });
      pending.set(spec.contactId, inFlight + 1);
      counted = true;

      const signal = AbortSignal.timeout(timeoutMs);
      const deadline = Date.now() + timeoutMs;
      let release: () => void;
      try {
        release = await slots.acquire(signal);
      } catch {
        return fallback("timeout", { detail: "no free slot before the deadline" });
      }
      let res: Awaited<ReturnType<typeof structuredCall>>;
      try {
        const { system, user } = spec.messages();
        res = await structuredCall({
          client,
          model: deps.model,
          schemaName: spec.schemaName,
          jsonSchema: toStrictJsonSchema(spec.schema),
          system,
          user,
          maxRetries,
          signal,
          deadline,
        });
      } finally {
        release();
      }
      if (res.kind === "failed") {
        const { kind: _, ...details } = res;
        return fallback(res.reason, details);
      }

      const checked = validateAnswer(spec.schema, res);
      try {
        await deps.usage.record({
          contactId: spec.contactId,
          competitionId: spec.competitionId,
          purpose: spec.purpose,
          model: deps.model,
          promptId: spec.promptId,
          promptTokens: res.usage.promptTokens,
          completionTokens: res.usage.completionTokens,
          outcome: checked.outcome,
          createdAt: now(),
        });
      } catch (e) {
        log.warn(
          { purpose: spec.purpose, contactId: spec.contactId, err: errText(e) },
          "LLM usage not recorded",
        );
      }
      if (checked.outcome !== "ok")
        return fallback(checked.outcome, { attempts: res.attempts, detail: checked.detail });
      metrics.llmCalls.inc({ purpose: spec.purpose, outcome: "ok" });
      log.debug(
        { purpose: spec.purpose, contactId: spec.contactId, ...res.usage, ms: Date.now() - started },
        "LLM advice",
      );
      return checked.value;
    } catch (e) {
      return fallback("unexpected_error", { err: errText(e) });
    } finally {
      if (counted) {
        const n = (pending.get(spec.contactId) ?? 1) - 1;
        if (n > 0) pending.set(spec.contactId, n);
        else pending.delete(spec.contactId);
      }
    }
  }

  return {
    async sectionFeedback(input) {
      const { locale, template, sectionKey, contactId, competitionId } = input;
      const section = template.sections.find((s) => s.key === sectionKey);
      const base = { purpose: "section_feedback", contactId, competitionId } as const;
      if (!section) return warnNull(log, { ...base, reason: "unknown_section", sectionKey });
      if (input.text.trim() === "") return warnNull(log, { ...base, reason: "empty_input", sectionKey });
      const criteria = expectedCriteria(template, section, locale);
      const keys = criteria.map((c) => c.key) as [string, ...string[]];
      const answer = await run({
        ...base,
        promptId: prompts.sectionFeedback.id,
        schemaName: "section_feedback",
        schema: sectionFeedbackSchema(keys),
        messages: () =>
          sectionFeedbackMessages(prompts, {
            locale,
            template,
            section,
            criteria,
            text: input.text,
            ruleFindings: input.ruleFindings,
            markers: createDraftMarkers(),
          }),
      });
      if (!answer) return null;
      // Same order as the template, whatever order the model chose.
      const criteriaAdvice = keys.map((k) => answer.criteria.find((c) => c.criterionKey === k)!);
      return {
        criteria: criteriaAdvice,
        summary: answer.summary,
        ...(answer.example ? { example: answer.example.trim() } : {}),
      };
    },

    async proposalReview(input) {
      const { locale, template, texts, contactId, competitionId } = input;
      const base = { purpose: "proposal_review", contactId, competitionId } as const;
      if (!template.sections.some((s) => (texts[s.key] ?? "").trim() !== ""))
        return warnNull(log, { ...base, reason: "empty_input" });
      return run({
        ...base,
        promptId: prompts.proposalReview.id,
        schemaName: "proposal_review",
        schema: proposalReviewSchema,
        messages: () =>
          proposalReviewMessages(prompts, { locale, template, texts, markers: createDraftMarkers() }),
      });
    },

    async classifyIntent(input) {
      const base = {
        purpose: "intent",
        contactId: input.contactId,
        competitionId: input.competitionId ?? null,
      } as const;
      if (input.text.trim() === "") return warnNull(log, { ...base, reason: "empty_input" });
      return run({
        ...base,
        promptId: prompts.intent.id,
        schemaName: "intent",
        schema: intentSchema,
        messages: () =>
          intentMessages(prompts, { locale: input.locale, text: input.text, markers: createDraftMarkers() }),
      });
    },
  };
}

function warnNull(log: Logger, fields: Record<string, unknown>): null {
  log.warn(fields, "no LLM advice; rule feedback only");
  return null;
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
