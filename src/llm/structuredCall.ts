import type OpenAI from "openai";
import { z } from "zod";
import { classifyError, type FallbackReason, retryDelayMs } from "./retryPolicy.ts";

export interface StructuredCallRequest {
  client: OpenAI;
  model: string;
  /** json_schema name, [a-zA-Z0-9_-]{1,64}. */
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  system: string;
  /** The delimited writer's text: always its own user message. */
  user: string;
  maxRetries: number;
  /** Aborts at the call's deadline; covers every attempt and every wait between them. */
  signal: AbortSignal;
  /** The same deadline in epoch milliseconds: a retry that would start after it is not waited for. */
  deadline: number;
}

export type StructuredCallResult =
  | {
      kind: "answer";
      content: string | null;
      refusal: string | null;
      finishReason: string | null;
      usage: { promptTokens: number; completionTokens: number };
      attempts: number;
    }
  | { kind: "failed"; reason: FallbackReason; status?: number; attempts: number; detail?: string };

// Border check of the server's reply: an OpenAI-compatible server may answer anything.
const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});

/**
 * One chat completion with strict structured output. Retries 429, 408/409, 5xx and connection
 * failures itself (the client's own retries are off) so that every wait is cut short by the
 * deadline. Never throws.
 */
export async function structuredCall(req: StructuredCallRequest): Promise<StructuredCallResult> {
  const { signal } = req;
  for (let attempt = 1; ; attempt++) {
    if (signal.aborted) return { kind: "failed", reason: "timeout", attempts: attempt - 1 };
    try {
      const raw: unknown = await untilAborted(
        req.client.chat.completions.create(
          {
            model: req.model,
            messages: [
              { role: "system", content: req.system },
              { role: "user", content: req.user },
            ],
            response_format: {
              type: "json_schema",
              json_schema: { name: req.schemaName, strict: true, schema: req.jsonSchema },
            },
          },
          { signal, maxRetries: 0 },
        ),
        signal,
      );
      const parsed = completionSchema.safeParse(raw);
      if (!parsed.success)
        return {
          kind: "failed",
          reason: "malformed_response",
          attempts: attempt,
          detail: "not a chat completion",
        };
      const choice = parsed.data.choices[0]!;
      return {
        kind: "answer",
        content: choice.message.content ?? null,
        refusal: choice.message.refusal ?? null,
        finishReason: choice.finish_reason ?? null,
        usage: {
          promptTokens: parsed.data.usage?.prompt_tokens ?? 0,
          completionTokens: parsed.data.usage?.completion_tokens ?? 0,
        },
        attempts: attempt,
      };
    } catch (e) {
      const c = classifyError(e, signal);
      const failed = {
        kind: "failed" as const,
        reason: c.reason,
        attempts: attempt,
        ...(c.status === undefined ? {} : { status: c.status }),
        detail: e instanceof Error ? e.message.slice(0, 200) : String(e),
      };
      if (!c.retryable || attempt > req.maxRetries) return failed;
      const delay = retryDelayMs(e, attempt, Date.now());
      if (Date.now() + delay >= req.deadline)
        return { ...failed, detail: `${failed.detail} (no time left to retry)` };
      try {
        await sleep(delay, signal);
      } catch {
        // The deadline came while waiting: report the error we were waiting out, not a timeout.
        return { ...failed, detail: `${failed.detail} (no time left to retry)` };
      }
    }
  }
}

/** Settles with `p`, or rejects as soon as `signal` aborts (a late settlement of `p` is ignored). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  p.catch(() => {});
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
