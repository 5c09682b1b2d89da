import { dateFormat } from "../core/i18n/dateFormats.ts";
/**
 * The instant at which the calendar day containing `now` began in `timeZone` (IANA name). Quotas
 * reset at local midnight of the deployment's zone (Asia/Jakarta by default), not at 07:00 WIB as a
 * UTC day would. Exact for zones without DST (all of Indonesia); elsewhere off by the DST shift at
 * most on the two transition days.
 */
export function dayStart(now: Date, timeZone: string): Date {
  const parts = dateFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const y = get("year");
  const m = get("month") - 1;
  const d = get("day");
  const localAsUtc = Date.UTC(y, m, d, get("hour"), get("minute"), get("second"));
  const offsetMs = localAsUtc - Math.floor(now.getTime() / 1000) * 1000;
  return new Date(Date.UTC(y, m, d) - offsetMs);
}
