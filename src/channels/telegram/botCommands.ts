import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Logger } from "pino";
import type { Locale } from "../../core/i18n/locale.ts";

/**
 * The command menu, Indonesian first. The first command is /mulai in Indonesian and /start in
 * English (Telegram's Start button always sends /start, which the app handles in any language).
 */
const COMMANDS: ReadonlyArray<{ command: Record<Locale, string>; description: Record<Locale, string> }> = [
  {
    command: { id: "mulai", en: "start" },
    description: { id: "Mulai atau lanjutkan proposal", en: "Start or continue a proposal" },
  },
  {
    command: same("bagian"),
    description: { id: "Daftar bagian proposal", en: "List the proposal sections" },
  },
  { command: same("lihat"), description: { id: "Lihat isi bagian", en: "View a section" } },
  { command: same("cek"), description: { id: "Cek kelengkapan proposal", en: "Check the proposal" } },
  {
    command: { id: "siap", en: "ready" },
    description: {
      id: "Kesiapan unggah (SK, dokumen, video)",
      en: "Upload readiness (SK, documents, video)",
    },
  },
  { command: same("video"), description: { id: "Simpan tautan video", en: "Save the video link" } },
  { command: same("riwayat"), description: { id: "Riwayat perubahan bagian", en: "Section history" } },
  {
    command: same("proposal"),
    description: { id: "Pilih atau buat proposal", en: "Choose or create a proposal" },
  },
  { command: same("saran"), description: { id: "Saran perbaikan bagian", en: "Advice on a section" } },
  {
    command: same("ekspor"),
    description: { id: "Unduh proposal (DOCX)", en: "Download the proposal (DOCX)" },
  },
  { command: same("status"), description: { id: "Status proposal", en: "Proposal status" } },
  { command: same("nilai"), description: { id: "Nilai proposal", en: "Proposal scores" } },
  { command: same("tanya"), description: { id: "Tanya sekretariat", en: "Ask the secretariat" } },
  {
    command: same("tiket"),
    description: { id: "Tiket pertanyaan dan banding", en: "Questions and appeals" },
  },
  {
    command: same("daftar"),
    description: { id: "Daftar ke proposal dengan kode", en: "Join a proposal by its code" },
  },
  {
    command: same("tautkan"),
    description: { id: "Hubungkan Telegram dan WhatsApp", en: "Link Telegram and WhatsApp" },
  },
  { command: same("bahasa"), description: { id: "Ganti bahasa", en: "Change language" } },
  { command: same("bantuan"), description: { id: "Bantuan", en: "Help" } },
  { command: same("batal"), description: { id: "Batalkan langkah ini", en: "Cancel this step" } },
  {
    command: same("berhenti"),
    description: { id: "Berhenti menerima pengumuman", en: "Stop announcements" },
  },
  { command: same("datasaya"), description: { id: "Data saya yang tersimpan", en: "My stored data" } },
  { command: same("hapusdata"), description: { id: "Hapus data saya", en: "Delete my data" } },
];

function same(command: string): Record<Locale, string> {
  return { id: command, en: command };
}

/** grammY's Node build types its signals with the abort-controller polyfill. */
export type GrammySignal = NonNullable<Parameters<Api["setMyCommands"]>[2]>;

/** An abort signal grammY accepts, firing after ms. */
export function timeoutSignal(ms: number): GrammySignal {
  return AbortSignal.timeout(ms) as unknown as GrammySignal;
}

export function botCommands(locale: Locale): BotCommand[] {
  return COMMANDS.map((c) => ({ command: c.command[locale], description: c.description[locale] }));
}

/**
 * Publishes the menu: Indonesian as the default (no language_code), English for "en" users.
 * A failure is logged, not fatal: the bot works without a menu.
 */
export async function publishBotCommands(api: Api, logger: Logger, signal?: GrammySignal): Promise<void> {
  try {
    await api.setMyCommands(botCommands("id"), {}, signal);
    await api.setMyCommands(botCommands("en"), { language_code: "en" }, signal);
  } catch (err) {
    logger.warn({ err }, "could not publish the bot command menu");
  }
}
