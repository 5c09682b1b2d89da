import { catalog } from "./catalog.ts";

/**
 * What the secretariat reads while writing an announcement in chat (/umumkan): the audience, the
 * text, the preview, sending now or at a time. Counts come in as numbers; user text is passed as
 * plain strings, which renderers escape.
 */
export interface BroadcastComposeTexts {
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
}

const id: BroadcastComposeTexts = {
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
};

const en: BroadcastComposeTexts = {
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
};

export const broadcastComposeTexts = catalog<BroadcastComposeTexts>({ id, en });

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
