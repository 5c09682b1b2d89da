import { localParts, minutesOfDay, zonedToUtc } from "./zonedTime.ts";

const DAY_WORDS: Record<string, number> = {
  "hari ini": 0,
  today: 0,
  besok: 1,
  tomorrow: 1,
  lusa: 2,
};

/**
 * A send time as a secretariat types it, read in the competition's time zone:
 * "besok 08.00", "hari ini pukul 19:30", "lusa 8.00", "2026-12-01 08:00", "1/12/2026 08.00",
 * or a bare "08.00" (today, or tomorrow when that time has passed). A trailing WIB/WITA/WIT is
 * ignored. Undefined when the text is none of these or names an impossible date.
 */
export function parseScheduleTime(text: string, now: Date, timeZone: string): Date | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\s+(wib|wita|wit)$/, "")
    .replace(/\s+(pukul|jam|pk\.?|at)\s+/, " ")
    .replace(/\s+/g, " ");
  const today = localParts(now, timeZone);

  const relative = /^(hari ini|today|besok|tomorrow|lusa) (\d{1,2}[.:]\d{2})$/.exec(t);
  if (relative) {
    const minutes = minutesOfDay(relative[2]!);
    if (minutes === undefined) return undefined;
    return at(today.year, today.month, today.day + DAY_WORDS[relative[1]!]!, minutes, timeZone);
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[ t](\d{1,2}[.:]\d{2})$/.exec(t);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4]!, timeZone);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}[.:]\d{2})$/.exec(t);
  if (dmy) return checked(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), dmy[4]!, timeZone);
  const bare = minutesOfDay(t);
  if (bare !== undefined) {
    const sameDay = at(today.year, today.month, today.day, bare, timeZone);
    return sameDay.getTime() > now.getTime()
      ? sameDay
      : at(today.year, today.month, today.day + 1, bare, timeZone);
  }
  return undefined;
}

function at(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  return zonedToUtc({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}

/** An explicit date must exist (no 31 November rolling into December). */
function checked(year: number, month: number, day: number, time: string, timeZone: string): Date | undefined {
  const minutes = minutesOfDay(time);
  if (minutes === undefined || month < 1 || month > 12 || day < 1) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return undefined;
  return at(year, month, day, minutes, timeZone);
}
