import type { InnovationCriterion } from "../templates/scoringSchema.ts";
import { catalog } from "./catalog.ts";

/**
 * Texts of the upload-readiness checklist (/cek, /siap), attachments in /lihat, /video and the
 * innovation criteria named in a section's introduction (Indonesian first).
 */
export interface UploadTexts {
  cekHeader: string;
  siapHeader: (code: string, ok: number, n: number) => string;
  siapContent: (readiness: number, complete: number, n: number) => string;
  siapAllGood: string;
  siapNext: string;
  siapHint: string;
  skOk: (files: string) => string;
  skMissing: string;
  skTip: string;
  supportingOk: (n: number) => string;
  supportingMissing: (done: number, n: number) => string;
  supportingTip: (titles: string) => string;
  videoOk: (url: string) => string;
  videoMissing: string;
  videoTip: string;
  ageOk: (age: number, min: number, at: string, atDeadline: boolean) => string;
  ageShort: (age: number, min: number, at: string, atDeadline: boolean) => string;
  ageUnknown: (min: number) => string;
  ageTip: string;
  titleOk: string;
  titleDup: (n: number, otherUnits: boolean) => string;
  titleTip: string;
  quotaOk: (count: number, max: number, group?: string) => string;
  quotaOver: (count: number, max: number, group?: string) => string;
  quotaTip: string;
  tip: string;
  lihatSk: (files: string) => string;
  lihatNoSk: string;
  lihatSupporting: (files: string) => string;
  lihatNoSupporting: string;
  videoSaved: (url: string) => string;
  videoRemoved: string;
  videoCurrent: (url: string) => string;
  videoNone: string;
  videoBad: Record<"not_url" | "unknown_host" | "not_a_video_page", string>;
  criteriaIntro: (names: string) => string;
  criterion: Record<InnovationCriterion, string>;
}

const id: UploadTexts = {
  cekHeader: "Kelengkapan berkas unggah:",
  siapHeader: (code, ok, n) => `Kesiapan unggah proposal ${code}: ${ok} dari ${n} syarat terpenuhi`,
  siapContent: (r, c, n) => `Kelengkapan isi: ${r}% (${c} dari ${n} bagian lengkap). Rinciannya: /cek`,
  siapAllGood:
    "Semua syarat berkas terpenuhi. Baca ulang proposal sekali lagi sebelum mengunggah ke SINOVIK.",
  siapNext: "Lengkapi yang bertanda ⚠️ sebelum batas unggah; ketik /siap lagi untuk memeriksa ulang.",
  siapHint:
    "Ketik /siap untuk memeriksa berkas unggah: SK Tim Inovator, dokumen pendukung, video, usia inovasi, dan judul.",
  skOk: (files) => `✅ SK Tim Inovator terlampir (${files})`,
  skMissing: "⚠️ SK Tim Inovator belum terlampir",
  skTip:
    'Kirim berkas SK (PDF atau foto) di chat ini, lalu pilih "SK Tim Inovator". Proposal tanpa SK ditolak pada verifikasi administrasi.',
  supportingOk: (n) => `✅ Dokumen pendukung ada untuk semua ${n} bagian`,
  supportingMissing: (done, n) => `⚠️ Dokumen pendukung baru ada untuk ${done} dari ${n} bagian`,
  supportingTip: (titles) =>
    `Belum ada untuk: ${titles}. Buka bagiannya dengan /bagian, lalu kirim berkasnya (PDF, foto, atau DOCX) dan pilih "Dokumen pendukung".`,
  videoOk: (url) => `✅ Tautan video tersimpan: ${url}`,
  videoMissing: "⚠️ Tautan video belum ada",
  videoTip:
    "Kirim /video diikuti tautan YouTube atau penyimpanan awan (Google Drive, OneDrive, Dropbox), misalnya /video https://youtu.be/abc123xyz.",
  ageOk: (age, min, at, d) =>
    `✅ Usia inovasi ${age} tahun pada ${d ? "batas pendaftaran" : "hari ini"}, ${at} (minimal ${min} tahun)`,
  ageShort: (age, min, at, d) =>
    `⚠️ Usia inovasi baru ${age} tahun pada ${d ? "batas pendaftaran" : "hari ini"}, ${at} (minimal ${min} tahun)`,
  ageUnknown: (min) => `⚠️ Tahun mulai inovasi belum tercatat (syarat usia minimal ${min} tahun)`,
  ageTip:
    "Usia dihitung dari tahun mulai sampai batas pendaftaran. Pastikan tahun mulai sesuai dokumen (SK atau laporan); inovasi yang terlalu muda gugur di verifikasi administrasi.",
  titleOk: "✅ Judul belum dipakai proposal lain di kompetisi ini",
  titleDup: (n, other) =>
    `⚠️ Judul yang sama sudah dipakai ${n} proposal lain di kompetisi ini${other ? " (termasuk dari unit lain)" : ""}`,
  titleTip:
    "Judul yang sama pada beberapa proposal bisa menyebabkan gugur administrasi. Bedakan judulnya, misalnya dengan nama layanan atau daerah. Nama unit lain tidak ditampilkan.",
  quotaOk: (c, max, g) => `✅ Kuota instansi: ${c} dari maksimal ${max} proposal${g ? ` kelompok ${g}` : ""}`,
  quotaOver: (c, max, g) =>
    `⚠️ Instansi ini sudah punya ${c} proposal${g ? ` kelompok ${g}` : ""}, melebihi kuota ${max}`,
  quotaTip:
    "Proposal di atas kuota tidak diterima. Bicarakan dengan Admin Lokal instansi proposal mana yang diajukan.",
  tip: "Tip",
  lihatSk: (files) => `SK Tim Inovator: ${files}`,
  lihatNoSk: "SK Tim Inovator: belum ada (kirim berkasnya di chat ini).",
  lihatSupporting: (files) => `Dokumen pendukung bagian ini: ${files}`,
  lihatNoSupporting: "Dokumen pendukung bagian ini: belum ada (kirim berkasnya di chat ini).",
  videoSaved: (url) => `✅ Tautan video tersimpan: ${url}\nKetik /siap untuk melihat kesiapan unggah.`,
  videoRemoved: "Tautan video dihapus dari proposal ini.",
  videoCurrent: (url) =>
    `Tautan video proposal ini: ${url}\nUntuk menggantinya, kirim /video diikuti tautan baru; /video hapus untuk menghapusnya.`,
  videoNone:
    "Belum ada tautan video. Kirim /video diikuti tautannya, misalnya /video https://youtu.be/abc123xyz (YouTube, Google Drive, OneDrive, atau Dropbox).",
  videoBad: {
    not_url:
      "Itu belum terbaca sebagai tautan. Mohon kirim alamat lengkapnya, misalnya /video https://youtu.be/abc123xyz.",
    unknown_host:
      "Tautan ini bukan dari YouTube atau penyimpanan awan yang dikenal (Google Drive, OneDrive/SharePoint, Dropbox, Vimeo). Mohon unggah videonya ke salah satunya, lalu kirim tautannya.",
    not_a_video_page:
      "Tautan ini belum menunjuk ke satu video. Buka videonya, salin tautan dari tombol Bagikan, lalu kirim lagi dengan /video.",
  },
  criteriaIntro: (names) => `Kriteria inovasi (PermenPANRB 91/2021) yang dibuktikan di bagian ini: ${names}.`,
  criterion: {
    kebaruan: "kebaruan",
    efektif: "efektif",
    bermanfaat: "bermanfaat",
    mudah_disebarkan: "mudah disebarkan",
    berkelanjutan: "berkelanjutan",
  },
};

const en: UploadTexts = {
  cekHeader: "Upload files:",
  siapHeader: (code, ok, n) => `Upload readiness of proposal ${code}: ${ok} of ${n} requirements met`,
  siapContent: (r, c, n) => `Content completeness: ${r}% (${c} of ${n} sections complete). Details: /cek`,
  siapAllGood: "Every file requirement is met. Read the proposal once more before uploading it to SINOVIK.",
  siapNext: "Complete the items marked ⚠️ before the upload deadline; send /siap again to recheck.",
  siapHint:
    "Send /siap to check the upload files: innovator team decree (SK), supporting documents, video, innovation age and title.",
  skOk: (files) => `✅ Innovator team decree (SK) attached (${files})`,
  skMissing: "⚠️ Innovator team decree (SK) not attached",
  skTip:
    'Send the SK file (PDF or photo) in this chat, then choose "SK Tim Inovator". Proposals without it are rejected at the administrative check.',
  supportingOk: (n) => `✅ Supporting documents for all ${n} sections`,
  supportingMissing: (done, n) => `⚠️ Supporting documents for only ${done} of ${n} sections`,
  supportingTip: (titles) =>
    `Missing for: ${titles}. Open the section with /bagian, then send the file (PDF, photo or DOCX) and choose "Supporting document".`,
  videoOk: (url) => `✅ Video link saved: ${url}`,
  videoMissing: "⚠️ No video link yet",
  videoTip:
    "Send /video followed by the YouTube or cloud-storage link (Google Drive, OneDrive, Dropbox), e.g. /video https://youtu.be/abc123xyz.",
  ageOk: (age, min, at, d) =>
    `✅ Innovation age ${age} year(s) at ${d ? "the registration deadline" : "today"}, ${at} (at least ${min})`,
  ageShort: (age, min, at, d) =>
    `⚠️ Innovation age only ${age} year(s) at ${d ? "the registration deadline" : "today"}, ${at} (at least ${min})`,
  ageUnknown: (min) => `⚠️ The innovation's start year is not recorded (minimum age ${min} years)`,
  ageTip:
    "The age counts from the start year to the registration deadline. Make sure the start year matches the documents (SK or reports); innovations that are too young fail the administrative check.",
  titleOk: "✅ No other proposal in this competition has this title",
  titleDup: (n, other) =>
    `⚠️ ${n} other proposal(s) in this competition have the same title${other ? " (including other units)" : ""}`,
  titleTip:
    "The same title on several proposals can fail the administrative check. Make it distinct, e.g. with the service or the region. Other units' names are not shown.",
  quotaOk: (c, max, g) => `✅ Instansi quota: ${c} of at most ${max} proposals${g ? ` in group ${g}` : ""}`,
  quotaOver: (c, max, g) =>
    `⚠️ This instansi already has ${c} proposals${g ? ` in group ${g}` : ""}, over the quota of ${max}`,
  quotaTip:
    "Proposals over the quota are not accepted. Agree with the instansi's Admin Lokal which ones to submit.",
  tip: "Tip",
  lihatSk: (files) => `Innovator team decree (SK): ${files}`,
  lihatNoSk: "Innovator team decree (SK): none yet (send the file in this chat).",
  lihatSupporting: (files) => `Supporting documents of this section: ${files}`,
  lihatNoSupporting: "Supporting documents of this section: none yet (send the file in this chat).",
  videoSaved: (url) => `✅ Video link saved: ${url}\nSend /siap to see the upload readiness.`,
  videoRemoved: "The video link was removed from this proposal.",
  videoCurrent: (url) =>
    `This proposal's video link: ${url}\nTo replace it, send /video followed by the new link; /video hapus removes it.`,
  videoNone:
    "No video link yet. Send /video followed by the link, e.g. /video https://youtu.be/abc123xyz (YouTube, Google Drive, OneDrive or Dropbox).",
  videoBad: {
    not_url:
      "That does not read as a link. Please send the full address, e.g. /video https://youtu.be/abc123xyz.",
    unknown_host:
      "This link is not on YouTube or a known cloud storage (Google Drive, OneDrive/SharePoint, Dropbox, Vimeo). Please upload the video to one of them and send that link.",
    not_a_video_page:
      "This link does not point to one video. Open the video, copy the link from its Share button, and send it again with /video.",
  },
  criteriaIntro: (names) => `Innovation criteria (PermenPANRB 91/2021) evidenced in this section: ${names}.`,
  criterion: {
    kebaruan: "novelty",
    efektif: "effective",
    bermanfaat: "beneficial",
    mudah_disebarkan: "replicable",
    berkelanjutan: "sustainable",
  },
};

export const uploadTexts = catalog<UploadTexts>({ id, en });
