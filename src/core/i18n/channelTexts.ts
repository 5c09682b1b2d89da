import { catalog } from "./catalog.ts";

/** Texts a channel adapter or the app's last-resort handler says on their own (apology, flood, stale button…): shared by channels and app, so they live in core. Indonesian first. */
export interface ChannelTexts {
  apology: string;
  flood: string;
  fileTooLarge: string;
  groupPointer: string;
  staleButton: string;
  sharePhoneButton: string;
  replyWithNumber: string;
}

const id: ChannelTexts = {
  apology:
    "Maaf, terjadi kendala saat memproses pesan Bapak/Ibu. Silakan coba lagi sebentar lagi; draf yang sudah tersimpan tetap aman.",
  flood: "Pesan Bapak/Ibu masuk terlalu cepat. Mohon tunggu beberapa detik, lalu kirim lagi.",
  fileTooLarge: "Berkas terlalu besar (maks. 10 MB). Mohon kirim berkas yang lebih kecil.",
  groupPointer: "Untuk menyusun proposal, silakan chat saya secara pribadi: ",
  staleButton: "Tombol ini sudah tidak berlaku. Silakan lihat pesan terbaru.",
  sharePhoneButton: "📱 Bagikan nomor telepon saya",
  replyWithNumber: "Balas dengan angka",
};

const en: ChannelTexts = {
  apology:
    "Sorry, something went wrong while handling your message. Please try again shortly; your saved drafts are safe.",
  flood: "Your messages are arriving too fast. Please wait a few seconds, then send again.",
  fileTooLarge: "The file is too large (max 10 MB). Please send a smaller file.",
  groupPointer: "To work on a proposal, please chat with me privately: ",
  staleButton: "This button has expired. Please look at the latest message.",
  sharePhoneButton: "📱 Share my phone number",
  replyWithNumber: "Reply with a number",
};

export const channelTexts = catalog<ChannelTexts>({ id, en });
