import { localParts, minutesOfDay, zonedToUtc } from "./zonedTime.ts";

/** Local times between which non-urgent announcements wait ("21:00" to "06:00"). */
export interface QuietHours {
  start: string;
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: "21:00", end: "06:00" };

/**
 * When `at` falls inside quiet hours in the time zone, the instant they end (the next `end`
 * local time); undefined when sending is fine. A window may wrap midnight; start = end means
 * no quiet hours at all.
 */
export function quietUntil(
  at: Date,
  timeZone: string,
  quiet: QuietHours = DEFAULT_QUIET_HOURS,
): Date | undefined {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === undefined || end === undefined || start === end) return undefined;
  const p = localParts(at, timeZone);
  const m = p.hour * 60 + p.minute;
  const wraps = start > end;
  const inside = wraps ? m >= start || m < end : m >= start && m < end;
  if (!inside) return undefined;
  const endsTomorrow = wraps && m >= start;
  return zonedToUtc(
    {
      year: p.year,
      month: p.month,
      day: p.day + (endsTomorrow ? 1 : 0),
      hour: Math.floor(end / 60),
      minute: end % 60,
    },
    timeZone,
  );
}

/** The first instant at or after `at` outside quiet hours. */
export function firstAllowed(at: Date, timeZone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  return quietUntil(at, timeZone, quiet) ?? at;
}
