import { localParts, zonedToUtc } from "../broadcast/zonedTime.ts";

/** Office hours of a secretariat: weekdays (0 = Sunday) and the minutes of the day they span. */
export interface WorkingHours {
  days: readonly number[];
  fromMinute: number;
  toMinute: number;
}

/** Monday to Friday, 08:00–16:00 (public holidays are not known here and count as working days). */
export const OFFICE_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], fromMinute: 8 * 60, toMinute: 16 * 60 };

const MINUTE = 60_000;
// Two years of days: a bound on the loops, far above any service level.
const MAX_DAYS = 730;

/** The instant `hours` working hours after `start`, counted in the time zone's office hours. */
export function addWorkingHours(
  start: Date,
  hours: number,
  timeZone: string,
  wh: WorkingHours = OFFICE_HOURS,
): Date {
  let cursor = start;
  let remaining = Math.max(0, hours) * 60 * MINUTE;
  for (let i = 0; i < MAX_DAYS * 3 && remaining > 0; i++) {
    const open = openSpan(cursor, timeZone, wh);
    if (!open) {
      cursor = nextOpening(cursor, timeZone, wh);
      continue;
    }
    const take = Math.min(open.end.getTime() - cursor.getTime(), remaining);
    cursor = new Date(cursor.getTime() + take);
    remaining -= take;
  }
  return cursor;
}

/** Working time between two instants, in hours (0 when `to` is not after `from`). */
export function workingHoursBetween(
  from: Date,
  to: Date,
  timeZone: string,
  wh: WorkingHours = OFFICE_HOURS,
): number {
  let cursor = from;
  let total = 0;
  for (let i = 0; i < MAX_DAYS * 3 && cursor < to; i++) {
    const open = openSpan(cursor, timeZone, wh);
    if (!open) {
      cursor = nextOpening(cursor, timeZone, wh);
      continue;
    }
    const end = open.end < to ? open.end : to;
    total += end.getTime() - cursor.getTime();
    cursor = end;
  }
  return total / (60 * MINUTE);
}

/** The end of the office span `at` is in, or undefined outside office hours. */
function openSpan(at: Date, timeZone: string, wh: WorkingHours): { end: Date } | undefined {
  const p = localParts(at, timeZone);
  const minute = p.hour * 60 + p.minute;
  if (!wh.days.includes(weekday(p)) || minute < wh.fromMinute || minute >= wh.toMinute) return undefined;
  return { end: atMinute(p, 0, wh.toMinute, timeZone) };
}

/** The next opening of the office after `at` (today's when before it, else a later day's). */
function nextOpening(at: Date, timeZone: string, wh: WorkingHours): Date {
  const p = localParts(at, timeZone);
  const minute = p.hour * 60 + p.minute;
  for (let d = 0; d <= 7; d++) {
    const day = { ...p, day: p.day + d };
    const wd = weekday(day);
    if (!wh.days.includes(wd)) continue;
    if (d === 0 && minute >= wh.fromMinute) continue;
    return atMinute(p, d, wh.fromMinute, timeZone);
  }
  return new Date(at.getTime() + 86_400_000);
}

function weekday(p: { year: number; month: number; day: number }): number {
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

function atMinute(
  p: { year: number; month: number; day: number },
  addDays: number,
  minuteOfDay: number,
  timeZone: string,
): Date {
  return zonedToUtc(
    {
      year: p.year,
      month: p.month,
      day: p.day + addDays,
      hour: Math.floor(minuteOfDay / 60),
      minute: minuteOfDay % 60,
    },
    timeZone,
  );
}
