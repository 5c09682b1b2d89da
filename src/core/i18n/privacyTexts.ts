import { catalog } from "./catalog.ts";

/** Texts of /datasaya and /hapusdata (UU 27/2022 on personal data protection). Indonesian first. */
export interface PrivacyTexts {
  header: string;
  name: string;
  language: string;
  accounts: string;
  units: string;
  proposals: string;
  roles: string;
  revisions: string;
  announcements: string;
  optedOut: string;
  subscribed: string;
  since: string;
  none: string;
  footer: string;
  confirm: string;
  yes: string;
  no: string;
  kept: string;
  erased: string;
}

const id: PrivacyTexts = {
  header: "Data Bapak/Ibu yang tersimpan di Klinik Inovasi:",
  name: "Nama",
  language: "Bahasa",
  accounts: "Akun",
  units: "Unit",
  proposals: "Proposal",
  roles: "Peran",
  revisions: "Versi draf yang Bapak/Ibu tulis",
  announcements: "Pengumuman",
  optedOut: "berhenti berlangganan",
  subscribed: "menerima",
  since: "Tercatat sejak",
  none: "(tidak ada)",
  footer:
    'Draf proposal dan berkas lampirannya (SK, dokumen pendukung) milik unit, bukan pribadi: bila data Bapak/Ibu dihapus, semuanya tetap ada untuk unit dengan penulis "mantan anggota". Hapus data pribadi dengan /hapusdata.',
  confirm:
    "Hapus semua data pribadi Bapak/Ibu (nama, nomor, akun, keanggotaan unit, posisi percakapan)? Draf proposal tetap ada untuk unit. Tindakan ini tidak bisa dibatalkan.",
  yes: "Ya, hapus data saya",
  no: "Batal",
  kept: "Baik, tidak ada yang dihapus.",
  erased:
    "Data pribadi Bapak/Ibu sudah dihapus. Terima kasih telah memakai Klinik Inovasi. Bila menulis lagi, Bapak/Ibu akan tercatat sebagai pengguna baru.",
};

const en: PrivacyTexts = {
  header: "Your data stored by Klinik Inovasi:",
  name: "Name",
  language: "Language",
  accounts: "Accounts",
  units: "Units",
  proposals: "Proposals",
  roles: "Roles",
  revisions: "Draft versions you wrote",
  announcements: "Announcements",
  optedOut: "unsubscribed",
  subscribed: "receiving",
  since: "Recorded since",
  none: "(none)",
  footer:
    'Proposal drafts and their attached files (SK, supporting documents) belong to the unit, not to a person: if you delete your data, they stay with the unit, attributed to "former member". Delete your personal data with /hapusdata.',
  confirm:
    "Delete all your personal data (name, number, accounts, unit memberships, conversation position)? Proposal drafts stay with the unit. This cannot be undone.",
  yes: "Yes, delete my data",
  no: "Cancel",
  kept: "Fine, nothing was deleted.",
  erased:
    "Your personal data has been deleted. Thank you for using Klinik Inovasi. If you write again, you will be recorded as a new user.",
};

export const privacyTexts = catalog<PrivacyTexts>({ id, en });
