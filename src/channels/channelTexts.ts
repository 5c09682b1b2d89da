import type { Locale } from "../core/i18n/locale.ts";

/**
 * Texts a channel adapter says on its own, before or around the app (Indonesian first).
 * Conversation texts live in core/i18n; these are the adapter's last-resort replies.
 */
export const channelTexts = {
  apology: {
    id: "Maaf, terjadi kendala saat memproses pesan Bapak/Ibu. Silakan coba lagi sebentar lagi; draf yang sudah tersimpan tetap aman.",
    en: "Sorry, something went wrong while handling your message. Please try again shortly; your saved drafts are safe.",
  },
  flood: {
    id: "Pesan Bapak/Ibu masuk terlalu cepat. Mohon tunggu beberapa detik, lalu kirim lagi.",
    en: "Your messages are arriving too fast. Please wait a few seconds, then send again.",
  },
  fileTooLarge: {
    id: "Berkas terlalu besar (maks. 10 MB). Mohon kirim berkas yang lebih kecil.",
    en: "The file is too large (max 10 MB). Please send a smaller file.",
  },
  groupPointer: {
    id: "Untuk menyusun proposal, silakan chat saya secara pribadi: ",
    en: "To work on a proposal, please chat with me privately: ",
  },
  staleButton: {
    id: "Tombol ini sudah tidak berlaku. Silakan lihat pesan terbaru.",
    en: "This button has expired. Please look at the latest message.",
  },
  sharePhoneButton: {
    id: "📱 Bagikan nomor telepon saya",
    en: "📱 Share my phone number",
  },
  replyWithNumber: {
    id: "Balas dengan angka",
    en: "Reply with a number",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export function channelText(key: keyof typeof channelTexts, locale: Locale): string {
  return channelTexts[key][locale];
}
