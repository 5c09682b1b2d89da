import OpenAI, { type ClientOptions } from "openai";
import type { Logger } from "pino";

/**
 * The OpenAI SDK client for any OpenAI-compatible server. Its own retries are off: structuredCall
 * retries, so that one deadline bounds every attempt and every wait.
 */
export function createOpenAIClient(opts: {
  apiKey: string;
  baseURL?: string | undefined;
  timeoutMs: number;
  logger: Logger;
}): OpenAI {
  return new OpenAI({
    apiKey: opts.apiKey,
    ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
    timeout: opts.timeoutMs,
    maxRetries: 0,
    logger: sdkLogger(opts.logger),
    // "debug" would hand request bodies (drafts) to the logger; "info" gives status and timing.
    logLevel: "info",
  });
}

function sdkLogger(log: Logger): NonNullable<ClientOptions["logger"]> {
  const line = (level: "warn" | "debug") => (message: string) => log[level]({ sdk: "openai" }, message);
  return { error: line("warn"), warn: line("warn"), info: line("debug"), debug: line("debug") };
}
