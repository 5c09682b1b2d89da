import { catalog } from "./catalog.ts";

/** What the service tells the secretariat about itself (a channel that stopped), per locale. */
export interface ServiceTexts {
  channelDown: (channel: string, reason: string) => string;
}

const REASONS_ID: Record<string, string> = {
  conflict: "ada proses bot lain yang mengambil pesan dari bot yang sama (409)",
  unauthorized: "token bot ditolak Telegram (401); periksa TELEGRAM_BOT_TOKEN",
  logged_out: "perangkat tertaut dilepas dari WhatsApp; sesi perlu dipasangkan ulang",
  reconnect_limit: "terlalu banyak percobaan menyambung ulang dalam satu jam",
  replaced: "sesi lain mengambil alih nomor WhatsApp ini",
  forbidden: "WhatsApp menolak akun ini (403)",
};
const REASONS_EN: Record<string, string> = {
  conflict: "another bot process is taking this bot's updates (409)",
  unauthorized: "Telegram refused the bot token (401); check TELEGRAM_BOT_TOKEN",
  logged_out: "the linked device was removed from WhatsApp; pair the session again",
  reconnect_limit: "too many reconnect attempts within an hour",
  replaced: "another session took over this WhatsApp number",
  forbidden: "WhatsApp refused this account (403)",
};

const id: ServiceTexts = {
  channelDown: (channel, reason) =>
    `⚠️ Kanal ${channel} bot berhenti: ${REASONS_ID[reason] ?? reason}. Pesan lewat ${channel} tidak terkirim sampai operator memperbaikinya dan menyalakan ulang bot.`,
};
const en: ServiceTexts = {
  channelDown: (channel, reason) =>
    `⚠️ The bot's ${channel} channel stopped: ${REASONS_EN[reason] ?? reason}. Messages on ${channel} do not go out until an operator fixes it and restarts the bot.`,
};

export const serviceTexts = catalog<ServiceTexts>({ id, en });
