import type { CommandName } from "../commands/registry.ts";
import { catalog } from "./catalog.ts";

/** One command's texts: its line in the Telegram menu and in /bantuan ("<kode> – …"). */
export interface CommandText {
  menu: string;
  help: string;
}

/** Texts of the command registry: /bantuan and the Telegram menu. Indonesian first. */
export interface CommandTexts {
  commands: Record<CommandName, CommandText>;
  helpHeader: string;
  secretariatHeader: string;
  helpFooter: string;
}

const id: CommandTexts = {
  commands: {
    mulai: { menu: "Mulai atau lanjutkan proposal", help: "mulai atau lanjutkan proposal" },
    bagian: { menu: "Daftar bagian proposal", help: "daftar bagian dan tandanya" },
    lihat: { menu: "Lihat isi bagian", help: "lihat teks bagian ini" },
    ubah: { menu: "Tulis ulang bagian ini", help: "tulis ulang bagian ini" },
    cek: { menu: "Cek kelengkapan proposal", help: "periksa seluruh proposal" },
    siap: {
      menu: "Kesiapan unggah (SK, dokumen, video)",
      help: "kesiapan unggah: SK, dokumen pendukung, video, usia, judul",
    },
    video: { menu: "Simpan tautan video", help: "<tautan> – simpan tautan video inovasi" },
    riwayat: { menu: "Riwayat perubahan bagian", help: "versi sebelumnya" },
    proposal: { menu: "Pilih atau buat proposal", help: "ganti atau buat proposal" },
    saran: { menu: "Saran perbaikan bagian", help: "saran perbaikan bagian ini" },
    ekspor: { menu: "Unduh proposal (DOCX)", help: "unduh proposal (DOCX; /ekspor teks untuk SINOVIK)" },
    status: { menu: "Status proposal", help: "status proposal" },
    nilai: { menu: "Nilai proposal", help: "nilai proposal" },
    tanya: { menu: "Tanya sekretariat", help: "tanya sekretariat" },
    tiket: { menu: "Tiket pertanyaan dan banding", help: "tiket pertanyaan dan banding Bapak/Ibu" },
    daftar: { menu: "Daftar ke proposal dengan kode", help: "<kode> – hubungkan diri ke proposal terdaftar" },
    tautkan: { menu: "Hubungkan Telegram dan WhatsApp", help: "hubungkan akun Telegram dan WhatsApp" },
    keluarkan: { menu: "Keluarkan anggota unit", help: "<ref> – keluarkan orang yang bergabung dengan kode" },
    kodebaru: { menu: "Ganti kode proposal", help: "[kode] – ganti kode proposal (kode lama tidak berlaku)" },
    bahasa: { menu: "Ganti bahasa", help: "ganti bahasa (id/en)" },
    bantuan: { menu: "Bantuan", help: "daftar perintah ini" },
    batal: { menu: "Batalkan langkah ini", help: "keluar dari langkah ini" },
    berhenti: {
      menu: "Berhenti menerima pengumuman",
      help: "berhenti menerima pengumuman (/mulai untuk berlangganan lagi)",
    },
    datasaya: { menu: "Data saya yang tersimpan", help: "data pribadi Bapak/Ibu yang tersimpan" },
    hapusdata: { menu: "Hapus data saya", help: "hapus data pribadi Bapak/Ibu" },
    masuk: { menu: "Masuk ke dasbor web", help: "tautan masuk ke dasbor web (sekretariat dan juri)" },
    tahap: { menu: "Ubah tahap proposal", help: "<kode> <tahap> [catatan] – ubah tahap proposal" },
    rekap: { menu: "Ringkasan kompetisi", help: "[kompetisi] – ringkasan kelengkapan dan tahap" },
    umumkan: { menu: "Kirim pengumuman", help: "susun dan kirim pengumuman" },
    laporan: { menu: "Laporan pengumuman", help: "[id] – laporan pengiriman pengumuman" },
    jawab: { menu: "Jawab tiket", help: "<nomor> <jawaban> – jawab tiket" },
    tutup: { menu: "Tutup tiket", help: "<nomor> – tutup tiket" },
    putuskan: { menu: "Putuskan banding", help: "<nomor> terima|tolak <alasan> – putuskan banding" },
    koreksi: { menu: "Koreksi nilai", help: "<kode> … – koreksi nilai setelah banding" },
    audit: { menu: "Riwayat tindakan", help: "[kode] – siapa melakukan apa dan kapan" },
  },
  helpHeader: "Perintah yang tersedia:",
  secretariatHeader: "Sekretariat:",
  helpFooter:
    "Punya draf di Word atau PDF? Kirim saja berkasnya. SK Tim Inovator dan dokumen pendukung juga dikirim sebagai berkas atau foto.",
};

const en: CommandTexts = {
  commands: {
    mulai: { menu: "Start or continue a proposal", help: "start or continue a proposal" },
    bagian: { menu: "List the proposal sections", help: "sections and their marks" },
    lihat: { menu: "View a section", help: "see this section's text" },
    ubah: { menu: "Rewrite this section", help: "rewrite this section" },
    cek: { menu: "Check the proposal", help: "check the whole proposal" },
    siap: {
      menu: "Upload readiness (SK, documents, video)",
      help: "upload readiness: SK, supporting documents, video, age, title",
    },
    video: { menu: "Save the video link", help: "<link> – save the innovation video link" },
    riwayat: { menu: "Section history", help: "earlier versions" },
    proposal: { menu: "Choose or create a proposal", help: "switch or create a proposal" },
    saran: { menu: "Advice on a section", help: "advice on this section" },
    ekspor: {
      menu: "Download the proposal (DOCX)",
      help: "download the proposal (DOCX; /ekspor teks for SINOVIK)",
    },
    status: { menu: "Proposal status", help: "status of the proposal" },
    nilai: { menu: "Proposal scores", help: "scores of the proposal" },
    tanya: { menu: "Ask the secretariat", help: "ask the secretariat" },
    tiket: { menu: "Questions and appeals", help: "your questions and appeals" },
    daftar: { menu: "Join a proposal by its code", help: "<code> – join a registered proposal" },
    tautkan: { menu: "Link Telegram and WhatsApp", help: "link your Telegram and WhatsApp accounts" },
    keluarkan: { menu: "Remove a unit member", help: "<ref> – remove someone who joined with the code" },
    kodebaru: {
      menu: "New proposal code",
      help: "[code] – give the proposal a new code (the old one stops working)",
    },
    bahasa: { menu: "Change language", help: "language (id/en)" },
    bantuan: { menu: "Help", help: "this list" },
    batal: { menu: "Cancel this step", help: "leave this step" },
    berhenti: { menu: "Stop announcements", help: "stop announcements (/mulai to subscribe again)" },
    datasaya: { menu: "My stored data", help: "your stored personal data" },
    hapusdata: { menu: "Delete my data", help: "delete your personal data" },
    masuk: {
      menu: "Sign in to the web dashboard",
      help: "sign-in link to the web dashboard (secretariat and judges)",
    },
    tahap: { menu: "Set a proposal's stage", help: "<code> <stage> [note] – set a proposal's stage" },
    rekap: { menu: "Competition summary", help: "[competition] – completeness and stages" },
    umumkan: { menu: "Send an announcement", help: "compose and send an announcement" },
    laporan: { menu: "Announcement reports", help: "[id] – delivery report of an announcement" },
    jawab: { menu: "Answer a ticket", help: "<number> <answer> – answer a ticket" },
    tutup: { menu: "Close a ticket", help: "<number> – close a ticket" },
    putuskan: { menu: "Decide an appeal", help: "<number> accept|reject <reason> – decide an appeal" },
    koreksi: { menu: "Correct a score", help: "<code> … – correct a score after an appeal" },
    audit: { menu: "Action history", help: "[code] – who did what, and when" },
  },
  helpHeader: "Commands:",
  secretariatHeader: "Secretariat:",
  helpFooter:
    "Have a draft in Word or PDF? Just send the file. The innovator team decree (SK) and supporting documents are sent as files or photos too.",
};

export const commandTexts = catalog<CommandTexts>({ id, en });
