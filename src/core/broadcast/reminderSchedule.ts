import { localParts, minutesOfDay, zonedToUtc } from "./zonedTime.ts";

export const DEFAULT_REMINDER_DAYS = [7, 3, 1];
/** Reminders go out at this local time on their day, well outside quiet hours. */
export const REMINDER_SEND_AT = "08:00";

const DAY_MS = 86_400_000;

export interface DueReminder {
  /** Days before the deadline this reminder was planned for (part of its once-only key). */
  days: number;
  dueAt: Date;
  /** Whole local days from today to the deadline's day (0 = the deadline is today). */
  daysLeft: number;
}

/**
 * The reminder to send now, if any: of the planned days before the deadline whose send time
 * (REMINDER_SEND_AT local time, that many days before the deadline's date) has passed, the
 * latest one, while the deadline is still ahead. After downtime only the nearest reminder goes
 * out, never a stale "7 days left" beside a "3 days left".
 */
export function dueReminder(input: {
  deadline: Date;
  reminderDays: readonly number[];
  timeZone: string;
  now: Date;
  sendAt?: string;
}): DueReminder | undefined {
  const { deadline, timeZone, now } = input;
  if (now.getTime() >= deadline.getTime()) return undefined;
  const minutes = minutesOfDay(input.sendAt ?? REMINDER_SEND_AT) ?? 8 * 60;
  const d = localParts(deadline, timeZone);
  const days = [...new Set(input.reminderDays.filter((n) => Number.isInteger(n) && n > 0))].sort(
    (a, b) => a - b,
  );
  for (const n of days) {
    const dueAt = zonedToUtc(
      { year: d.year, month: d.month, day: d.day - n, hour: Math.floor(minutes / 60), minute: minutes % 60 },
      timeZone,
    );
    if (dueAt.getTime() <= now.getTime())
      return { days: n, dueAt, daysLeft: daysBetween(now, deadline, timeZone) };
  }
  return undefined;
}

/** Calendar days between the local dates of two instants. */
export function daysBetween(from: Date, to: Date, timeZone: string): number {
  const a = localParts(from, timeZone);
  const b = localParts(to, timeZone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** The once-only key of a reminder: a moved deadline gets its own reminders. */
export function reminderKey(competitionId: string, deadline: Date, days: number): string {
  return `reminder:${competitionId}:${deadline.toISOString()}:${days}`;
}
