import type { FailureReason } from "../broadcast/deliveryPolicy.ts";
import { catalog } from "./catalog.ts";
import type { Locale } from "./locale.ts";

/**
 * Every sentence of announcements, progress reports, opt-out and deadline reminders, per locale
 * (Indonesian first). Values come in formatted (dates, counts); user text is passed as plain
 * strings, which renderers escape.
 */
export interface BroadcastTexts {
  onlySecretariat: string;
  chooseCompetition: string;
  chooseAudience: string;
  audienceAll: string;
  audienceStage: string;
  audienceGroup: string;
  audienceRegion: string;
  audienceIncomplete: string;
  audienceChannel: string;
  chooseStage: string;
  chooseGroup: string;
  chooseRegion: string;
  chooseChannel: string;
  noOptions: string;
  categoryOption: (name: string) => string;
  optionWithCount: (label: string, n: number) => string;
  noRecipients: string;
  /** `reachable`: people the announcement will be sent to (subscribed, with a chat to push to). */
  recipientsThenText: (reachable: number, proposals: number, optedOut: number, noChannel: number) => string;
  typeText: string;
  textOnly: string;
  textTooLong: (max: number, got: number) => string;
  previewHeader: string;
  confirmSend: (reachable: number, optedOut: number, noChannel: number) => string;
  quietNote: (start: string, end: string) => string;
  btnSend: string;
  btnSchedule: string;
  btnCancel: string;
  pickOne: string;
  askWhen: (zone: string) => string;
  badWhen: string;
  pastWhen: string;
  queued: (id: string, contacts: number) => string;
  scheduled: (id: string, contacts: number, when: string) => string;
  cancelled: string;
  draftGone: string;
  announcementHeader: (competition: string) => string;
  reminderHeader: (competition: string) => string;
  footer: string;
  optedOut: string;
  progress: (sent: number, total: number, failed: number, skipped: number) => string;
  finished: (id: string, sent: number, total: number, failed: number, skipped: number) => string;
  reportUsage: string;
  recentHeader: string;
  recentLine: (id: string, date: string, status: string, sent: number, total: number) => string;
  noAnnouncements: string;
  notFound: (id: string) => string;
  reportHeader: (
    id: string,
    kind: "broadcast" | "reminder",
    date: string,
    status: string,
    audience: string,
  ) => string;
  reportCounts: (sent: number, total: number, failed: number, skipped: number, waiting: number) => string;
  /** Receipts line, shown when the platform sends receipts (WhatsApp Cloud API). */
  reportReceipts: (delivered: number, read: number) => string;
  failuresHeader: string;
  failureLine: (name: string, channel: string, reason: string, attempts: number) => string;
  moreFailures: (n: number, id: string) => string;
  status: (status: string) => string;
  reason: (reason: FailureReason) => string;
  audienceEveryone: string;
  audienceParts: {
    stage: string;
    group: string;
    category: string;
    region: string;
    incomplete: string;
    channel: string;
  };
  reminderBody: (daysLeft: number, deadline: string) => string;
  reminderMissingHeader: string;
  reminderLine: (code: string, title: string, sections: string) => string;
  reminderClose: string;
  reminderSummary: (daysLeft: number, deadline: string) => string;
}

const id: BroadcastTexts = {
  onlySecretariat:
    "Maaf, pengumuman hanya dapat dikirim oleh sekretariat kompetisi. Bila Bapak/Ibu bagian dari sekretariat, minta admin mendaftarkan akun ini.",
  chooseCompetition: "Pengumuman untuk kompetisi yang mana?",
  chooseAudience: "Kepada siapa pengumuman ini?",
  audienceAll: "Semua peserta",
  audienceStage: "Per tahap",
  audienceGroup: "Per kelompok",
  audienceRegion: "Per wilayah",
  audienceIncomplete: "Proposal belum lengkap",
  audienceChannel: "Per kanal",
  chooseStage: "Pengumuman ini untuk proposal di tahap yang mana?",
  chooseGroup: "Pengumuman ini untuk kelompok atau kategori yang mana?",
  chooseRegion: "Pengumuman ini untuk wilayah yang mana?",
  chooseChannel: "Pengumuman ini dikirim lewat kanal yang mana?",
  noOptions: "Belum ada data untuk pilihan ini. Silakan pilih penerima lain.",
  categoryOption: (name) => `Kategori ${name}`,
  optionWithCount: (label, n) => `${label} (${n})`,
  noRecipients: "Belum ada kontak untuk pilihan ini. Silakan pilih penerima lain.",
  recipientsThenText: (reachable, proposals, optedOut, noChannel) =>
    `${reachable} kontak dari ${proposals} proposal akan menerima pengumuman ini.${skippedId(optedOut, noChannel)} Tulis isi pengumumannya.`,
  typeText: "Tulis isi pengumumannya dalam satu pesan.",
  textOnly: "Pengumuman hanya bisa berupa teks. Tulis isi pengumumannya dalam satu pesan.",
  textTooLong: (max, got) => `Teksnya ${got} karakter; maksimal ${max}. Mohon dipersingkat lalu kirim lagi.`,
  previewHeader: "Pratinjau (seperti yang diterima peserta):",
  confirmSend: (reachable, optedOut, noChannel) =>
    `Kirim ke ${reachable} kontak sekarang?${skippedId(optedOut, noChannel)}`,
  quietNote: (start, end) => `Sekarang jam tenang (${start}–${end}): pengiriman dimulai pukul ${end}.`,
  btnSend: "Kirim",
  btnSchedule: "Jadwalkan",
  btnCancel: "Batal",
  pickOne: "Silakan pilih salah satu pilihan di atas.",
  askWhen: (zone) => `Kapan dikirim? Tulis misalnya: besok 08.00 atau 2026-12-01 08:00 (waktu ${zone}).`,
  badWhen: "Waktunya tidak terbaca. Contoh: besok 08.00, lusa 09.30, atau 2026-12-01 08:00.",
  pastWhen: "Waktu itu sudah lewat. Mohon tulis waktu yang akan datang.",
  queued: (id, contacts) =>
    `Pengumuman ${id} masuk antrean untuk ${contacts} kontak. Progres pengiriman tampil di sini.`,
  scheduled: (id, contacts, when) => `Pengumuman ${id} dijadwalkan ${when} untuk ${contacts} kontak.`,
  cancelled: "Pengumuman dibatalkan; tidak ada yang dikirim.",
  draftGone: "Draf pengumuman ini sudah tidak aktif. Ketik /umumkan untuk membuat yang baru.",
  announcementHeader: (competition) => `📢 Pengumuman · ${competition}`,
  reminderHeader: (competition) => `⏰ Pengingat · ${competition}`,
  footer: "Balas /berhenti bila tidak ingin menerima pengumuman lagi.",
  optedOut:
    "Baik, Bapak/Ibu tidak akan menerima pengumuman dan pengingat lagi. Ketik /mulai kapan saja untuk berlangganan kembali; klinik proposal tetap bisa dipakai seperti biasa.",
  progress: (sent, total, failed, skipped) =>
    `Terkirim ${sent}/${total} · gagal ${failed} · dilewati ${skipped}${skipped ? " (berhenti langganan atau tanpa saluran)" : ""}`,
  finished: (id, sent, total, failed, skipped) =>
    `Selesai ✅ Pengumuman ${id}: terkirim ${sent} dari ${total}, gagal ${failed}, dilewati ${skipped}.${failed ? ` Rincian yang gagal: /laporan ${id}` : ""}`,
  reportUsage: "Ketik /laporan <id> untuk rincian satu pengumuman.",
  recentHeader: "Pengumuman terakhir:",
  recentLine: (id, date, status, sent, total) => `${id} · ${date} · ${status} · terkirim ${sent}/${total}`,
  noAnnouncements: "Belum ada pengumuman.",
  notFound: (id) => `Pengumuman ${id} tidak ditemukan.`,
  reportHeader: (id, kind, date, status, audience) =>
    `${kind === "reminder" ? "Pengingat" : "Pengumuman"} ${id} · ${date} · ${status}\nPenerima: ${audience}`,
  reportCounts: (sent, total, failed, skipped, waiting) =>
    `Terkirim ${sent}/${total} · gagal ${failed} · dilewati ${skipped}${waiting ? ` · menunggu ${waiting}` : ""}`,
  reportReceipts: (delivered, read) => `Sampai di ponsel ${delivered} · dibaca ${read}`,
  failuresHeader: "Gagal terkirim:",
  failureLine: (name, channel, reason, attempts) =>
    `• ${name} (${channel}): ${reason}${attempts > 1 ? `, ${attempts} kali dicoba` : ""}`,
  moreFailures: (n, id) => `…dan ${n} lainnya (lengkapnya: klinik broadcast report ${id}).`,
  status: (s) => ({ queued: "menunggu", sending: "sedang dikirim", done: "selesai", draft: "draf" })[s] ?? s,
  reason: (r) =>
    ({
      blocked: "memblokir bot",
      deactivated: "akun sudah dihapus",
      chat_not_found: "chat tidak ditemukan",
      not_on_whatsapp: "nomor tidak terdaftar di WhatsApp",
      rejected: "ditolak platform",
      transient: "gangguan sementara, percobaan habis",
      opted_out: "berhenti berlangganan",
      no_identity: "tidak punya kanal yang bisa dikirimi",
    })[r],
  audienceEveryone: "semua peserta",
  audienceParts: {
    stage: "tahap",
    group: "kelompok",
    category: "kategori",
    region: "wilayah",
    incomplete: "proposal belum lengkap",
    channel: "kanal",
  },
  reminderBody: (daysLeft, deadline) =>
    `Batas unggah proposal ${daysLeft === 0 ? "hari ini" : daysLeft === 1 ? "besok" : `tinggal ${daysLeft} hari lagi`} (${deadline}).`,
  reminderMissingHeader: "Bagian yang belum lengkap:",
  reminderLine: (code, title, sections) => `• ${code} "${title}": ${sections}`,
  reminderClose: "Ketik /bagian untuk melanjutkan. Saya bantu bagian demi bagian.",
  reminderSummary: (daysLeft, deadline) =>
    `Pengingat batas unggah (${deadline}, ${daysLeft} hari lagi) untuk proposal yang belum lengkap.`,
};

const en: BroadcastTexts = {
  onlySecretariat:
    "Sorry, announcements can only be sent by the competition's secretariat. If you are part of the secretariat, ask the admin to register this account.",
  chooseCompetition: "Which competition is this announcement for?",
  chooseAudience: "Who should receive this announcement?",
  audienceAll: "All participants",
  audienceStage: "By stage",
  audienceGroup: "By group",
  audienceRegion: "By region",
  audienceIncomplete: "Incomplete proposals",
  audienceChannel: "By channel",
  chooseStage: "At which stage are the proposals this announcement is for?",
  chooseGroup: "Which group or category is this announcement for?",
  chooseRegion: "Which region is this announcement for?",
  chooseChannel: "Through which channel should this announcement go?",
  noOptions: "There is no data for this choice yet. Please choose other recipients.",
  categoryOption: (name) => `Category ${name}`,
  optionWithCount: (label, n) => `${label} (${n})`,
  noRecipients: "No contacts match this choice yet. Please choose other recipients.",
  recipientsThenText: (reachable, proposals, optedOut, noChannel) =>
    `${reachable} contacts from ${proposals} proposals will receive this announcement.${skippedEn(optedOut, noChannel)} Write the announcement.`,
  typeText: "Write the announcement in one message.",
  textOnly: "An announcement can only be text. Write it in one message.",
  textTooLong: (max, got) =>
    `The text has ${got} characters; the maximum is ${max}. Please shorten it and send again.`,
  previewHeader: "Preview (as participants will see it):",
  confirmSend: (reachable, optedOut, noChannel) =>
    `Send to ${reachable} contacts now?${skippedEn(optedOut, noChannel)}`,
  quietNote: (start, end) => `It is quiet hours now (${start}–${end}): sending starts at ${end}.`,
  btnSend: "Send",
  btnSchedule: "Schedule",
  btnCancel: "Cancel",
  pickOne: "Please pick one of the options above.",
  askWhen: (zone) => `When should it go out? Write e.g.: tomorrow 08.00 or 2026-12-01 08:00 (${zone} time).`,
  badWhen: "I could not read that time. Examples: tomorrow 08.00, today 19.30, or 2026-12-01 08:00.",
  pastWhen: "That time has passed. Please give a time in the future.",
  queued: (id, contacts) => `Announcement ${id} is queued for ${contacts} contacts. Progress will show here.`,
  scheduled: (id, contacts, when) => `Announcement ${id} is scheduled for ${when} to ${contacts} contacts.`,
  cancelled: "Announcement cancelled; nothing was sent.",
  draftGone: "This announcement draft is no longer active. Type /umumkan to start a new one.",
  announcementHeader: (competition) => `📢 Announcement · ${competition}`,
  reminderHeader: (competition) => `⏰ Reminder · ${competition}`,
  footer: "Reply /berhenti if you no longer want to receive announcements.",
  optedOut:
    "Done, you will no longer receive announcements and reminders. Type /mulai at any time to subscribe again; the proposal clinic works as before.",
  progress: (sent, total, failed, skipped) =>
    `Sent ${sent}/${total} · failed ${failed} · skipped ${skipped}${skipped ? " (unsubscribed or no chat)" : ""}`,
  finished: (id, sent, total, failed, skipped) =>
    `Done ✅ Announcement ${id}: ${sent} of ${total} sent, ${failed} failed, ${skipped} skipped.${failed ? ` Failures: /laporan ${id}` : ""}`,
  reportUsage: "Type /laporan <id> for the details of one announcement.",
  recentHeader: "Recent announcements:",
  recentLine: (id, date, status, sent, total) => `${id} · ${date} · ${status} · sent ${sent}/${total}`,
  noAnnouncements: "No announcements yet.",
  notFound: (id) => `Announcement ${id} was not found.`,
  reportHeader: (id, kind, date, status, audience) =>
    `${kind === "reminder" ? "Reminder" : "Announcement"} ${id} · ${date} · ${status}\nRecipients: ${audience}`,
  reportCounts: (sent, total, failed, skipped, waiting) =>
    `Sent ${sent}/${total} · failed ${failed} · skipped ${skipped}${waiting ? ` · waiting ${waiting}` : ""}`,
  reportReceipts: (delivered, read) => `Delivered to the phone ${delivered} · read ${read}`,
  failuresHeader: "Not delivered:",
  failureLine: (name, channel, reason, attempts) =>
    `• ${name} (${channel}): ${reason}${attempts > 1 ? `, ${attempts} attempts` : ""}`,
  moreFailures: (n, id) => `…and ${n} more (all of them: klinik broadcast report ${id}).`,
  status: (s) => ({ queued: "waiting", sending: "sending", done: "done", draft: "draft" })[s] ?? s,
  reason: (r) =>
    ({
      blocked: "blocked the bot",
      deactivated: "account deleted",
      chat_not_found: "chat not found",
      not_on_whatsapp: "number not on WhatsApp",
      rejected: "refused by the platform",
      transient: "temporary errors, retries used up",
      opted_out: "unsubscribed",
      no_identity: "no channel to reach them",
    })[r],
  audienceEveryone: "all participants",
  audienceParts: {
    stage: "stage",
    group: "group",
    category: "category",
    region: "region",
    incomplete: "incomplete proposals",
    channel: "channel",
  },
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
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
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
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(d);
}

/** Who is left out of a send, and why: unsubscribed, or no Telegram/WhatsApp chat to push to. */
function skippedId(optedOut: number, noChannel: number): string {
  const parts = [
    optedOut ? `${optedOut} berhenti berlangganan` : "",
    noChannel ? `${noChannel} belum punya saluran Telegram atau WhatsApp` : "",
  ].filter(Boolean);
  return parts.length ? ` Dilewati: ${parts.join(", ")}.` : "";
}

function skippedEn(optedOut: number, noChannel: number): string {
  const parts = [
    optedOut ? `${optedOut} unsubscribed` : "",
    noChannel ? `${noChannel} without a Telegram or WhatsApp chat` : "",
  ].filter(Boolean);
  return parts.length ? ` Skipped: ${parts.join(", ")}.` : "";
}
