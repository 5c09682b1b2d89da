import { describe, expect, it } from "vitest";
import { parseScheduleTime } from "../../../src/core/broadcast/parseScheduleTime.ts";
import { firstAllowed, quietUntil } from "../../../src/core/broadcast/quietHours.ts";
import { daysBetween, dueReminder, reminderKey } from "../../../src/core/broadcast/reminderSchedule.ts";

const JKT = "Asia/Jakarta";
const wib = (iso: string) => new Date(`${iso}+07:00`);

describe("quiet hours", () => {
  it("hold 21:00–06:00 local time until 06:00", () => {
    expect(quietUntil(wib("2026-11-23T20:59"), JKT)).toBeUndefined();
    expect(quietUntil(wib("2026-11-23T21:00"), JKT)).toEqual(wib("2026-11-24T06:00"));
    expect(quietUntil(wib("2026-11-23T23:59"), JKT)).toEqual(wib("2026-11-24T06:00"));
    expect(quietUntil(wib("2026-11-24T00:10"), JKT)).toEqual(wib("2026-11-24T06:00"));
    expect(quietUntil(wib("2026-11-24T06:00"), JKT)).toBeUndefined();
    expect(firstAllowed(wib("2026-11-24T12:00"), JKT)).toEqual(wib("2026-11-24T12:00"));
  });

  it("follow the competition's own time zone", () => {
    // 21:30 in Jayapura (WIT, UTC+9) is only 19:30 in Jakarta.
    const at = new Date("2026-11-23T12:30:00Z");
    expect(quietUntil(at, JKT)).toBeUndefined();
    expect(quietUntil(at, "Asia/Jayapura")).toEqual(new Date("2026-11-23T21:00:00Z"));
  });

  it("can be a window that does not wrap midnight, or none at all", () => {
    expect(quietUntil(wib("2026-11-23T13:00"), JKT, { start: "12:00", end: "13:30" })).toEqual(
      wib("2026-11-23T13:30"),
    );
    expect(quietUntil(wib("2026-11-23T23:00"), JKT, { start: "00:00", end: "00:00" })).toBeUndefined();
  });
});

describe("schedule times", () => {
  const now = wib("2026-11-23T10:00");
  it("reads the ways a secretariat writes a time, in the competition's time zone", () => {
    expect(parseScheduleTime("besok 08.00", now, JKT)).toEqual(wib("2026-11-24T08:00"));
    expect(parseScheduleTime("Besok pukul 8.00 WIB", now, JKT)).toEqual(wib("2026-11-24T08:00"));
    expect(parseScheduleTime("hari ini jam 19:30", now, JKT)).toEqual(wib("2026-11-23T19:30"));
    expect(parseScheduleTime("lusa 07.15", now, JKT)).toEqual(wib("2026-11-25T07:15"));
    expect(parseScheduleTime("tomorrow 08:00", now, JKT)).toEqual(wib("2026-11-24T08:00"));
    expect(parseScheduleTime("2026-12-01 08:00", now, JKT)).toEqual(wib("2026-12-01T08:00"));
    expect(parseScheduleTime("1/12/2026 08.00", now, JKT)).toEqual(wib("2026-12-01T08:00"));
    expect(parseScheduleTime("09.00", now, JKT)).toEqual(wib("2026-11-24T09:00"));
    expect(parseScheduleTime("11.00", now, JKT)).toEqual(wib("2026-11-23T11:00"));
    expect(parseScheduleTime("besok 08.00", new Date("2026-12-31T10:00:00Z"), JKT)).toEqual(
      wib("2027-01-01T08:00"),
    );
  });

  it("refuses anything else", () => {
    for (const bad of ["kapan-kapan", "besok", "2026-02-30 08:00", "25.00", "besok 8", "2026-13-01 08:00"])
      expect(parseScheduleTime(bad, now, JKT)).toBeUndefined();
  });
});

describe("reminder schedule", () => {
  const deadline = wib("2026-12-20T23:59");
  const due = (iso: string, days = [7, 3, 1]) =>
    dueReminder({ deadline, reminderDays: days, timeZone: JKT, now: wib(iso) });

  it("is due from 08:00 local time the planned number of days before the deadline's date", () => {
    expect(due("2026-12-13T07:59")).toBeUndefined();
    expect(due("2026-12-13T08:00")).toEqual({ days: 7, dueAt: wib("2026-12-13T08:00"), daysLeft: 7 });
    expect(due("2026-12-16T20:00")?.days).toBe(7);
    expect(due("2026-12-17T08:00")?.days).toBe(3);
    expect(due("2026-12-19T08:00")).toMatchObject({ days: 1, daysLeft: 1 });
    expect(due("2026-12-20T23:58")).toMatchObject({ days: 1, daysLeft: 0 });
    expect(due("2026-12-21T00:00")).toBeUndefined();
  });

  it("takes the competition's days, ignoring nonsense", () => {
    expect(due("2026-12-06T09:00", [14, 0, -2, 1.5])?.days).toBe(14);
    expect(due("2026-12-19T09:00", [])).toBeUndefined();
  });

  it("keys a reminder by competition, deadline and day", () => {
    expect(reminderKey("c1", deadline, 3)).toBe("reminder:c1:2026-12-20T16:59:00.000Z:3");
    expect(daysBetween(wib("2026-12-19T23:00"), wib("2026-12-20T01:00"), JKT)).toBe(1);
  });
});
