import { catalog } from "./catalog.ts";

/**
 * The dashboard's frame and its pages outside a competition: navigation, sign-in, refusals, home,
 * the audit log and sessions.
 */
const id = {
  appName: "Dasbor Klinik Inovasi",
  skip: "Lewati ke isi",
  language: "Bahasa",
  signOut: "Keluar",
  sessions: "Sesi masuk",
  audit: "Log audit",
  tickets: "Tiket",
  competitions: "Kompetisi",
  home: "Beranda",
  // sign-in
  signInTitle: "Masuk ke dasbor",
  signInLead: "Tekan tombol di bawah untuk masuk. Tautan ini hanya dapat dipakai sekali.",
  signInButton: "Masuk",
  linkSpent:
    "Tautan masuk ini sudah tidak berlaku (sudah dipakai atau kedaluwarsa). Ketik /masuk di chat untuk meminta tautan baru.",
  needSignIn: "Silakan masuk dengan mengetik /masuk di chat Telegram atau WhatsApp bot Klinik Inovasi.",
  notAllowed: "Mohon maaf, halaman ini tidak dapat dibuka dengan peran Bapak/Ibu.",
  notFound: "Halaman tidak ditemukan.",
  csrfRefused: "Permintaan ditolak karena token formulir tidak sah. Muat ulang halaman lalu coba lagi.",
  badInput: "Isian belum lengkap atau tidak sesuai. Mohon periksa kembali.",
  // home
  yourCompetitions: "Kompetisi Bapak/Ibu",
  roleSecretariat: "Sekretariat",
  roleJudge: "Juri",
  noRoles: "Bapak/Ibu belum memiliki peran pada kompetisi mana pun.",
  // audit
  auditTitle: "Log audit",
  when: "Waktu",
  who: "Pelaku",
  kind: "Jenis",
  subject: "Subjek",
  details: "Rincian",
  person: "Orang",
  // sessions
  sessionsTitle: "Sesi masuk aktif",
  device: "Peramban",
  started: "Mulai",
  lastSeen: "Terakhir dilihat",
  expires: "Berakhir",
  thisSession: "sesi ini",
  endSession: "Akhiri",
};

export type DashboardShellTexts = typeof id;

const en: DashboardShellTexts = {
  appName: "Klinik Inovasi dashboard",
  skip: "Skip to content",
  language: "Language",
  signOut: "Sign out",
  sessions: "Sessions",
  audit: "Audit log",
  tickets: "Tickets",
  competitions: "Competitions",
  home: "Home",
  signInTitle: "Sign in to the dashboard",
  signInLead: "Press the button below to sign in. This link works only once.",
  signInButton: "Sign in",
  linkSpent: "This sign-in link no longer works (used or expired). Type /masuk in the chat for a new one.",
  needSignIn: "Please sign in by typing /masuk in the Klinik Inovasi bot's Telegram or WhatsApp chat.",
  notAllowed: "Sorry, your role does not allow you to open this page.",
  notFound: "Page not found.",
  csrfRefused: "Request refused: the form token is not valid. Reload the page and try again.",
  badInput: "Some fields are missing or invalid. Please check them.",
  yourCompetitions: "Your competitions",
  roleSecretariat: "Secretariat",
  roleJudge: "Judge",
  noRoles: "You have no role in any competition yet.",
  auditTitle: "Audit log",
  when: "When",
  who: "Who",
  kind: "Kind",
  subject: "Subject",
  details: "Details",
  person: "Person",
  sessionsTitle: "Active sessions",
  device: "Browser",
  started: "Started",
  lastSeen: "Last seen",
  expires: "Expires",
  thisSession: "this session",
  endSession: "End",
};

export const dashboardShellTexts = catalog<DashboardShellTexts>({ id, en });
