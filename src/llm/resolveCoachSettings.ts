import { dayStart } from "./dayStart.ts";

export interface CoachSettings {
  timeoutMs: number;
  maxRetries: number;
  quota: number;
  concurrency: number;
  timeZone: string;
}

/** Defaults and start-up checks of the coach's numbers; a bad value throws an Error naming it. */
export function resolveCoachSettings(deps: {
  timeoutMs?: number;
  maxRetries?: number;
  concurrency?: number;
  dailyQuotaPerContact?: number;
  timeZone?: string;
}): CoachSettings {
  const timeZone = deps.timeZone ?? "Asia/Jakarta";
  try {
    dayStart(new Date(), timeZone);
  } catch {
    throw new Error(`createLlmCoach: timeZone "${timeZone}" is not an IANA time zone such as Asia/Jakarta`);
  }
  return {
    timeoutMs: int("timeoutMs", deps.timeoutMs ?? 30_000, 1),
    maxRetries: int("maxRetries", deps.maxRetries ?? 2, 0),
    quota: int("dailyQuotaPerContact", deps.dailyQuotaPerContact ?? 50, 0),
    concurrency: int("concurrency", deps.concurrency ?? 4, 1),
    timeZone,
  };
}

function int(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min)
    throw new Error(`createLlmCoach: ${name} must be a whole number ≥ ${min}, got ${v}`);
  return v;
}
