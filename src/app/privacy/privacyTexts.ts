import type { Locale } from "../../core/i18n/locale.ts";
import { textLookup } from "../../core/i18n/textTable.ts";

/** Texts of /datasaya and /hapusdata (UU 27/2022 on personal data protection). Indonesian first. */
export const privacyTexts = {
  header: {
    id: "Data Bapak/Ibu yang tersimpan di Klinik Inovasi:",
    en: "Your data stored by Klinik Inovasi:",
  },
  name: { id: "Nama", en: "Name" },
  language: { id: "Bahasa", en: "Language" },
  accounts: { id: "Akun", en: "Accounts" },
  units: { id: "Unit", en: "Units" },
  proposals: { id: "Proposal", en: "Proposals" },
  roles: { id: "Peran", en: "Roles" },
  revisions: { id: "Versi draf yang Bapak/Ibu tulis", en: "Draft versions you wrote" },
  announcements: { id: "Pengumuman", en: "Announcements" },
  optedOut: { id: "berhenti berlangganan", en: "unsubscribed" },
  subscribed: { id: "menerima", en: "receiving" },
  since: { id: "Tercatat sejak", en: "Recorded since" },
  none: { id: "(tidak ada)", en: "(none)" },
  footer: {
    id: 'Draf proposal dan berkas lampirannya (SK, dokumen pendukung) milik unit, bukan pribadi: bila data Bapak/Ibu dihapus, semuanya tetap ada untuk unit dengan penulis "mantan anggota". Hapus data pribadi dengan /hapusdata.',
    en: 'Proposal drafts and their attached files (SK, supporting documents) belong to the unit, not to a person: if you delete your data, they stay with the unit, attributed to "former member". Delete your personal data with /hapusdata.',
  },
  confirm: {
    id: "Hapus semua data pribadi Bapak/Ibu (nama, nomor, akun, keanggotaan unit, posisi percakapan)? Draf proposal tetap ada untuk unit. Tindakan ini tidak bisa dibatalkan.",
    en: "Delete all your personal data (name, number, accounts, unit memberships, conversation position)? Proposal drafts stay with the unit. This cannot be undone.",
  },
  yes: { id: "Ya, hapus data saya", en: "Yes, delete my data" },
  no: { id: "Batal", en: "Cancel" },
  kept: { id: "Baik, tidak ada yang dihapus.", en: "Fine, nothing was deleted." },
  erased: {
    id: "Data pribadi Bapak/Ibu sudah dihapus. Terima kasih telah memakai Klinik Inovasi. Bila menulis lagi, Bapak/Ibu akan tercatat sebagai pengguna baru.",
    en: "Your personal data has been deleted. Thank you for using Klinik Inovasi. If you write again, you will be recorded as a new user.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export const privacyText = textLookup(privacyTexts);
