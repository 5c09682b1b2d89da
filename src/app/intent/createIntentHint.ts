import type { Locale } from "../../core/i18n/locale.ts";
import { classifyMessage, type MessageKind, REQUESTS } from "../../core/intent/classifyMessage.ts";
import type { LlmCoach } from "../../llm/createLlmCoach.ts";
import type { Intent } from "../../llm/schemas.ts";

/** Asks the model what a message typed in an open section is; undefined = keep the rule decision. */
export type IntentHint = (a: {
  text: string;
  locale: Locale;
  contactId: string;
  competitionId?: string;
}) => Promise<MessageKind | undefined>;

export interface IntentHintDeps {
  coach: Pick<LlmCoach, "classifyIntent">;
  /** Longest the writer waits for the model before the rule decision is used (default 4 000 ms). */
  timeoutMs?: number;
}

/** Below this the model's answer is not trusted over the rules unless they agree. */
const MIN_CONFIDENCE = 0.6;
/** Longer messages are text of the answer by rule; the model is not asked. */
const MAX_WORDS = 20;
/** The rules are sure of these: a greeting, a request in words. */
const SURE: ReadonlySet<MessageKind> = new Set<MessageKind>(["greeting", ...REQUESTS]);

/**
 * The bundled intent prompt (prompts/intent.v1.md) for short messages the rules are not sure of.
 * A slow, failed or refused call (the coach resolves null) leaves the rule decision in place.
 */
export function createIntentHint(deps: IntentHintDeps): IntentHint {
  const timeoutMs = deps.timeoutMs ?? 4_000;
  return async (a) => {
    const rule = classifyMessage(a.text);
    if (SURE.has(rule) || a.text.trim().split(/\s+/).length > MAX_WORDS) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    try {
      const answer = await Promise.race([deps.coach.classifyIntent(a).catch(() => null), late]);
      return answer ? fromModel(answer, rule) : undefined;
    } finally {
      clearTimeout(timer);
    }
  };
}

function fromModel(answer: Intent, rule: MessageKind): MessageKind {
  const kind: MessageKind =
    answer.intent === "drafting"
      ? "draft"
      : answer.intent === "help"
        ? "question"
        : answer.intent === "other"
          ? rule === "question"
            ? "question"
            : "unsure"
          : answer.intent;
  if (answer.confidence < MIN_CONFIDENCE && kind !== rule) return "unsure";
  return kind;
}
