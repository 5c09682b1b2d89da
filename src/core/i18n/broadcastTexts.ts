import { catalog } from "./catalog.ts";
import { dateFormat } from "./dateFormats.ts";
import type { Locale } from "./locale.ts";

/**
 * What participants receive: an announcement's or a reminder's header and footer, the deadline
 * reminder, and the answer to opting out. Values come in formatted (dates, counts); the
 * secretariat's composing and report texts are in broadcastComposeTexts and broadcastReportTexts.
 */
export interface BroadcastTexts {
  announcementHeader: (competition: string) => string;
  reminderHeader: (competition: string) => string;
  footer: string;
  optedOut: string;
  reminderBody: (daysLeft: number, deadline: string) => string;
  reminderMissingHeader: string;
  reminderLine: (code: string, title: string, sections: string) => string;
  reminderClose: string;
  reminderSummary: (daysLeft: number, deadline: string) => string;
}

const id: BroadcastTexts = {
  announcementHeader: (competition) => `📢 Pengumuman · ${competition}`,
  reminderHeader: (competition) => `⏰ Pengingat · ${competition}`,
  footer: "Balas /berhenti bila tidak ingin menerima pengumuman lagi.",
  optedOut:
    "Baik, Bapak/Ibu tidak akan menerima pengumuman dan pengingat lagi. Ketik /mulai kapan saja untuk berlangganan kembali; klinik proposal tetap bisa dipakai seperti biasa.",
  reminderBody: (daysLeft, deadline) =>
    `Batas unggah proposal ${daysLeft === 0 ? "hari ini" : daysLeft === 1 ? "besok" : `tinggal ${daysLeft} hari lagi`} (${deadline}).`,
  reminderMissingHeader: "Bagian yang belum lengkap:",
  reminderLine: (code, title, sections) => `• ${code} "${title}": ${sections}`,
  reminderClose: "Ketik /bagian untuk melanjutkan. Saya bantu bagian demi bagian.",
  reminderSummary: (daysLeft, deadline) =>
    `Pengingat batas unggah (${deadline}, ${daysLeft} hari lagi) untuk proposal yang belum lengkap.`,
};

const en: BroadcastTexts = {
  announcementHeader: (competition) => `📢 Announcement · ${competition}`,
  reminderHeader: (competition) => `⏰ Reminder · ${competition}`,
  footer: "Reply /berhenti if you no longer want to receive announcements.",
  optedOut:
    "Done, you will no longer receive announcements and reminders. Type /mulai at any time to subscribe again; the proposal clinic works as before.",
  reminderBody: (daysLeft, deadline) =>
    `The proposal upload deadline is ${daysLeft === 0 ? "today" : daysLeft === 1 ? "tomorrow" : `in ${daysLeft} days`} (${deadline}).`,
  reminderMissingHeader: "Sections still incomplete:",
  reminderLine: (code, title, sections) => `• ${code} "${title}": ${sections}`,
  reminderClose: "Type /bagian to continue. I will help you section by section.",
  reminderSummary: (daysLeft, deadline) =>
    `Upload deadline reminder (${deadline}, ${daysLeft} days left) to incomplete proposals.`,
};

export const broadcastTexts = catalog<BroadcastTexts>({ id, en });

/** "Selasa, 1 Desember 2026 08.00" / "Tuesday, 1 December 2026 08:00" in the given time zone. */
export function formatWhen(d: Date, locale: Locale, timeZone: string): string {
  return dateFormat(locale === "en" ? "en-GB" : "id-ID", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(d);
}

/** "1 Des 2026" style short date for lists. */
export function formatShortDate(d: Date, locale: Locale, timeZone: string): string {
  return dateFormat(locale === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(d);
}
