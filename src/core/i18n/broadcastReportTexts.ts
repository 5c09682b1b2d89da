import type { FailureReason } from "../broadcast/deliveryPolicy.ts";
import { catalog } from "./catalog.ts";

/**
 * How a send is reported to the secretariat: the progress message while it goes out, /laporan's
 * list and one announcement's counts, receipts and failures. Values come in formatted (dates,
 * counts).
 */
export interface BroadcastReportTexts {
  progress: (sent: number, total: number, failed: number, skipped: number) => string;
  finished: (id: string, sent: number, total: number, failed: number, skipped: number) => string;
  reportUsage: string;
  recentHeader: string;
  recentLine: (id: string, date: string, status: string, sent: number, total: number) => string;
  noAnnouncements: string;
  notFound: (id: string) => string;
  reportHeader: (
    id: string,
    kind: "broadcast" | "reminder",
    date: string,
    status: string,
    audience: string,
  ) => string;
  reportCounts: (sent: number, total: number, failed: number, skipped: number, waiting: number) => string;
  /** Receipts line, shown when the platform sends receipts (WhatsApp Cloud API). */
  reportReceipts: (delivered: number, read: number) => string;
  failuresHeader: string;
  failureLine: (name: string, channel: string, reason: string, attempts: number) => string;
  moreFailures: (n: number, id: string) => string;
  status: (status: string) => string;
  reason: (reason: FailureReason) => string;
  audienceEveryone: string;
  audienceParts: {
    stage: string;
    group: string;
    category: string;
    region: string;
    incomplete: string;
    channel: string;
  };
}

const id: BroadcastReportTexts = {
  progress: (sent, total, failed, skipped) =>
    `Terkirim ${sent}/${total} · gagal ${failed} · dilewati ${skipped}${skipped ? " (berhenti langganan atau tanpa saluran)" : ""}`,
  finished: (id, sent, total, failed, skipped) =>
    `Selesai ✅ Pengumuman ${id}: terkirim ${sent} dari ${total}, gagal ${failed}, dilewati ${skipped}.${failed ? ` Rincian yang gagal: /laporan ${id}` : ""}`,
  reportUsage: "Ketik /laporan <id> untuk rincian satu pengumuman.",
  recentHeader: "Pengumuman terakhir:",
  recentLine: (id, date, status, sent, total) => `${id} · ${date} · ${status} · terkirim ${sent}/${total}`,
  noAnnouncements: "Belum ada pengumuman.",
  notFound: (id) => `Pengumuman ${id} tidak ditemukan.`,
  reportHeader: (id, kind, date, status, audience) =>
    `${kind === "reminder" ? "Pengingat" : "Pengumuman"} ${id} · ${date} · ${status}\nPenerima: ${audience}`,
  reportCounts: (sent, total, failed, skipped, waiting) =>
    `Terkirim ${sent}/${total} · gagal ${failed} · dilewati ${skipped}${waiting ? ` · menunggu ${waiting}` : ""}`,
  reportReceipts: (delivered, read) => `Sampai di ponsel ${delivered} · dibaca ${read}`,
  failuresHeader: "Gagal terkirim:",
  failureLine: (name, channel, reason, attempts) =>
    `• ${name} (${channel}): ${reason}${attempts > 1 ? `, ${attempts} kali dicoba` : ""}`,
  moreFailures: (n, id) => `…dan ${n} lainnya (lengkapnya: klinik broadcast report ${id}).`,
  status: (s) => ({ queued: "menunggu", sending: "sedang dikirim", done: "selesai", draft: "draf" })[s] ?? s,
  reason: (r) =>
    ({
      blocked: "memblokir bot",
      deactivated: "akun sudah dihapus",
      chat_not_found: "chat tidak ditemukan",
      not_on_whatsapp: "nomor tidak terdaftar di WhatsApp",
      rejected: "ditolak platform",
      transient: "gangguan sementara, percobaan habis",
      opted_out: "berhenti berlangganan",
      no_identity: "tidak punya kanal yang bisa dikirimi",
    })[r],
  audienceEveryone: "semua peserta",
  audienceParts: {
    stage: "tahap",
    group: "kelompok",
    category: "kategori",
    region: "wilayah",
    incomplete: "proposal belum lengkap",
    channel: "kanal",
  },
};

const en: BroadcastReportTexts = {
  progress: (sent, total, failed, skipped) =>
    `Sent ${sent}/${total} · failed ${failed} · skipped ${skipped}${skipped ? " (unsubscribed or no chat)" : ""}`,
  finished: (id, sent, total, failed, skipped) =>
    `Done ✅ Announcement ${id}: ${sent} of ${total} sent, ${failed} failed, ${skipped} skipped.${failed ? ` Failures: /laporan ${id}` : ""}`,
  reportUsage: "Type /laporan <id> for the details of one announcement.",
  recentHeader: "Recent announcements:",
  recentLine: (id, date, status, sent, total) => `${id} · ${date} · ${status} · sent ${sent}/${total}`,
  noAnnouncements: "No announcements yet.",
  notFound: (id) => `Announcement ${id} was not found.`,
  reportHeader: (id, kind, date, status, audience) =>
    `${kind === "reminder" ? "Reminder" : "Announcement"} ${id} · ${date} · ${status}\nRecipients: ${audience}`,
  reportCounts: (sent, total, failed, skipped, waiting) =>
    `Sent ${sent}/${total} · failed ${failed} · skipped ${skipped}${waiting ? ` · waiting ${waiting}` : ""}`,
  reportReceipts: (delivered, read) => `Delivered to the phone ${delivered} · read ${read}`,
  failuresHeader: "Not delivered:",
  failureLine: (name, channel, reason, attempts) =>
    `• ${name} (${channel}): ${reason}${attempts > 1 ? `, ${attempts} attempts` : ""}`,
  moreFailures: (n, id) => `…and ${n} more (all of them: klinik broadcast report ${id}).`,
  status: (s) => ({ queued: "waiting", sending: "sending", done: "done", draft: "draft" })[s] ?? s,
  reason: (r) =>
    ({
      blocked: "blocked the bot",
      deactivated: "account deleted",
      chat_not_found: "chat not found",
      not_on_whatsapp: "number not on WhatsApp",
      rejected: "refused by the platform",
      transient: "temporary errors, retries used up",
      opted_out: "unsubscribed",
      no_identity: "no channel to reach them",
    })[r],
  audienceEveryone: "all participants",
  audienceParts: {
    stage: "stage",
    group: "group",
    category: "category",
    region: "region",
    incomplete: "incomplete proposals",
    channel: "channel",
  },
};

export const broadcastReportTexts = catalog<BroadcastReportTexts>({ id, en });
