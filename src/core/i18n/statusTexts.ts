import { catalog } from "./catalog.ts";
import { dateFormat, yearIn } from "./dateFormats.ts";
import type { Locale } from "./locale.ts";

/**
 * Every sentence of status, scores, identity linking and the secretariat's chat commands, per
 * locale (Indonesian first). Values come in already formatted (dates, numbers); user-supplied
 * text is passed as plain strings, which renderers escape.
 */
export interface StatusTexts {
  proposalLine: (code: string, title: string) => string;
  currentStage: (label: string, since: string) => string;
  done: (label: string, date: string) => string;
  next: (label: string, date?: string) => string;
  lastStage: string;
  notLinked: string;
  notLinkedShare: string;
  notLinkedWhatsApp: string;
  notVisible: (code: string) => string;
  staffHint: string;
  scoresHeader: (code: string, title: string, stage: string) => string;
  criterionLine: (name: string, weight: number, mean: string) => string;
  criterionUnscored: (name: string, weight: number) => string;
  total: (total: string) => string;
  indexTotal: (value: string, max: number, band: string | undefined, provisional: boolean) => string;
  rankTop: (n: number) => string;
  rankBand: (n: number) => string;
  inGroup: (group: string) => string;
  minScore: (min: number, met: boolean) => string;
  weakHeader: string;
  weakLine: (criterion: string, mean: string, sections: string) => string;
  tip: (text: string) => string;
  commentsHeader: string;
  commentLine: (criterion: string, text: string) => string;
  notReleased: (stage: string) => string;
  noResult: (stage: string) => string;
  noScoredStage: string;
  stageChanged: (code: string, title: string, label: string, note: string) => string;
  scoresReleased: (stage: string, codes: string) => string;
  daftarUsage: string;
  daftarOk: (unit: string, code: string, title: string) => string;
  daftarAlready: (unit: string) => string;
  codeNotFound: string;
  tooManyAttempts: string;
  linkCode: (code: string, minutes: number) => string;
  linkDone: string;
  linkBad: string;
  linkSame: string;
  phoneLinked: (units: string) => string;
  phoneNoMatch: string;
  onlySecretariat: string;
  tahapUsage: (stages: string) => string;
  unknownStage: (stage: string, stages: string) => string;
  backwards: (code: string, from: string, to: string) => string;
  sameStage: (code: string, label: string) => string;
  stageSet: (code: string, label: string, notified: number) => string;
  rekapHeader: (name: string, total: number) => string;
  rekapStages: string;
  rekapLine: (label: string, n: number) => string;
  rekapReadiness: string;
  rekapIncomplete: (units: number, proposals: number) => string;
  rekapStuck: (n: number) => string;
  rekapAttachments: (withSk: number, withVideo: number, total: number) => string;
  rekapStuckLine: (code: string, unit: string, readiness: number, last: string) => string;
  rekapMore: (n: number) => string;
  never: string;
  rekapNone: string;
}

const id: StatusTexts = {
  proposalLine: (code, title) => `${code} "${title}"`,
  currentStage: (label, since) => `Tahap sekarang: ${label} (sejak ${since})`,
  done: (label, date) => `✔ ${label} ${date}`,
  next: (label, date) => (date ? `Berikutnya: ${label}, perkiraan ${date}.` : `Berikutnya: ${label}.`),
  lastStage: "Ini tahap terakhir kompetisi.",
  notLinked:
    "Belum ada proposal yang terhubung dengan akun ini. Ketik /daftar diikuti kode proposal dari sekretariat (misalnya /daftar KP-7Q2M9X4KTD).",
  notLinkedShare:
    "Bila sekretariat sudah mendaftarkan nomor Bapak/Ibu, tekan tombol bagikan nomor telepon di bawah: proposal unit Bapak/Ibu akan langsung terhubung.",
  notLinkedWhatsApp: "Nomor WhatsApp ini belum terdaftar di data sekretariat.",
  notVisible: (code) =>
    `Maaf, proposal ${code} tidak dapat saya tampilkan. Bapak/Ibu hanya dapat melihat proposal unit sendiri; periksa kembali kodenya.`,
  staffHint:
    "Sebagai panitia, ketik /status <kode> untuk satu proposal, atau /rekap untuk ringkasan kompetisi.",
  scoresHeader: (code, title, stage) => `${code} "${title}" · Nilai tahap ${stage}`,
  criterionLine: (name, weight, mean) => `• ${name} (bobot ${weight}%): ${mean}`,
  criterionUnscored: (name, weight) => `• ${name} (bobot ${weight}%): belum dinilai`,
  total: (total) => `Total: ${total} dari 100`,
  indexTotal: (value, max, band, provisional) =>
    `Indeks: ${value} dari ${max}${band ? ` · predikat ${band}${provisional ? " (sementara, belum terkonfirmasi)" : ""}` : ""}`,
  rankTop: (n) => `Peringkat: Top ${n}`,
  rankBand: (n) => `Peringkat: ${n} besar`,
  inGroup: (group) => ` (${group})`,
  minScore: (min, met) => `Nilai minimal untuk lanjut ${min}: ${met ? "✅ tercapai" : "⚠️ belum tercapai"}`,
  weakHeader: "Yang perlu diperkuat (nilai di bawah 60%):",
  weakLine: (criterion, mean, sections) => `⚠️ ${criterion} (${mean}) · bagian ${sections}`,
  tip: (text) => `   Tip: ${text}`,
  commentsHeader: "Catatan penilaian:",
  commentLine: (criterion, text) => `• ${criterion}: "${text}"`,
  notReleased: (stage) => `Nilai tahap ${stage} belum diumumkan. Saya kabari begitu dirilis sekretariat.`,
  noResult: (stage) => `Tidak ada nilai untuk proposal ini pada tahap ${stage}.`,
  noScoredStage: "Kompetisi ini tidak memiliki tahap penilaian.",
  stageChanged: (code, title, label, note) =>
    `📣 Proposal ${code} "${title}" kini berada di tahap: ${label}.${note ? `\nCatatan sekretariat: ${note}` : ""}\nKetik /status untuk rinciannya.`,
  scoresReleased: (stage, codes) =>
    `📣 Nilai tahap ${stage} untuk proposal ${codes} sudah dirilis. Ketik /nilai untuk melihatnya.`,
  daftarUsage: "Tulis kode proposal dari sekretariat, misalnya /daftar KP-7Q2M9X4KTD",
  daftarOk: (unit, code, title) =>
    `Terima kasih. Bapak/Ibu kini terhubung dengan ${unit}, proposal ${code} "${title}". Ketik /status untuk melihat tahapnya.`,
  daftarAlready: (unit) =>
    `Bapak/Ibu sudah terhubung dengan ${unit}. Ketik /status untuk melihat tahap proposal.`,
  codeNotFound: "Maaf, kode tidak ditemukan. Periksa kembali kode dari sekretariat (contoh: KP-7Q2M9X4KTD).",
  tooManyAttempts:
    "Terlalu banyak percobaan kode yang salah. Silakan coba lagi satu jam lagi, atau hubungi sekretariat.",
  linkCode: (code, minutes) =>
    `Kode penautan: ${code} (berlaku ${minutes} menit, sekali pakai).\nDi aplikasi yang lain (WhatsApp atau Telegram), kirim: /tautkan ${code}`,
  linkDone: "Akun ini sudah ditautkan. Proposal dan data Bapak/Ibu kini sama di WhatsApp dan Telegram.",
  linkBad:
    "Kode penautan tidak berlaku atau sudah kedaluwarsa. Minta kode baru dengan /tautkan di aplikasi yang lain.",
  linkSame:
    "Kode ini dibuat dari akun ini sendiri. Kirim kodenya dari aplikasi yang lain (WhatsApp atau Telegram).",
  phoneLinked: (units) =>
    `Terima kasih, nomor Bapak/Ibu cocok dengan data sekretariat. Terhubung dengan: ${units}. Ketik /status untuk melihat tahap proposal.`,
  phoneNoMatch:
    "Terima kasih, nomor sudah tersimpan. Nomor ini belum ada di data sekretariat; bila Bapak/Ibu punya kode proposal, ketik /daftar <kode>.",
  onlySecretariat: "Maaf, perintah ini khusus untuk sekretariat kompetisi.",
  tahapUsage: (stages) => `Cara pakai: /tahap <kode> <tahap> [catatan]\nTahap yang tersedia:\n${stages}`,
  unknownStage: (stage, stages) =>
    `Tahap "${stage}" tidak ada di kompetisi ini. Tahap yang tersedia:\n${stages}`,
  backwards: (code, from, to) =>
    `Tahap ${to} berada sebelum tahap sekarang (${from}). Bila memang perlu mundur, ulangi dengan --paksa: /tahap ${code} <tahap> --paksa [catatan]`,
  sameStage: (code, label) => `${code} sudah berada di tahap ${label}.`,
  stageSet: (code, label, notified) =>
    `✅ ${code} kini di tahap ${label}. Pemberitahuan dikirim ke ${notified} kontak peserta (bertahap, sesuai antrean).`,
  rekapHeader: (name, total) => `Rekap ${name} · ${total} proposal`,
  rekapStages: "Per tahap:",
  rekapLine: (label, n) => `• ${label}: ${n}`,
  rekapReadiness: "Kelengkapan proposal:",
  rekapIncomplete: (units, proposals) => `Bagian belum lengkap: ${units} unit (${proposals} proposal)`,
  rekapStuck: (n) => `Tertahan (tanpa aktivitas 7 hari, kelengkapan < 100%): ${n}`,
  rekapAttachments: (sk, video, total) =>
    `SK Tim Inovator terlampir: ${sk} dari ${total} proposal · tautan video: ${video} dari ${total}`,
  rekapStuckLine: (code, unit, readiness, last) =>
    `• ${code} ${unit} · ${readiness}% · aktif terakhir ${last}`,
  rekapMore: (n) => `… dan ${n} lainnya (lengkapnya: klinik report --csv)`,
  never: "belum pernah",
  rekapNone: "Belum ada kompetisi yang Bapak/Ibu kelola.",
};

const en: StatusTexts = {
  proposalLine: (code, title) => `${code} "${title}"`,
  currentStage: (label, since) => `Current stage: ${label} (since ${since})`,
  done: (label, date) => `✔ ${label} ${date}`,
  next: (label, date) => (date ? `Next: ${label}, expected ${date}.` : `Next: ${label}.`),
  lastStage: "This is the competition's last stage.",
  notLinked:
    "No proposal is linked to this account yet. Send /daftar followed by the proposal code from the secretariat (e.g. /daftar KP-7Q2M9X4KTD).",
  notLinkedShare:
    "If the secretariat registered your phone number, press the share-phone-number button below: your unit's proposals will be linked at once.",
  notLinkedWhatsApp: "This WhatsApp number is not in the secretariat's records.",
  notVisible: (code) =>
    `Sorry, I cannot show proposal ${code}. You can only see your own unit's proposals; please check the code.`,
  staffHint:
    "As competition staff, send /status <code> for one proposal, or /rekap for the competition summary.",
  scoresHeader: (code, title, stage) => `${code} "${title}" · Scores of the ${stage} stage`,
  criterionLine: (name, weight, mean) => `• ${name} (weight ${weight}%): ${mean}`,
  criterionUnscored: (name, weight) => `• ${name} (weight ${weight}%): not scored`,
  total: (total) => `Total: ${total} of 100`,
  indexTotal: (value, max, band, provisional) =>
    `Index: ${value} of ${max}${band ? ` · grade ${band}${provisional ? " (provisional, not confirmed)" : ""}` : ""}`,
  rankTop: (n) => `Rank: Top ${n}`,
  rankBand: (n) => `Rank: top ${n}`,
  inGroup: (group) => ` (${group})`,
  minScore: (min, met) => `Minimum score to advance ${min}: ${met ? "✅ reached" : "⚠️ not reached"}`,
  weakHeader: "To strengthen (scored below 60%):",
  weakLine: (criterion, mean, sections) => `⚠️ ${criterion} (${mean}) · section ${sections}`,
  tip: (text) => `   Tip: ${text}`,
  commentsHeader: "Judges' notes:",
  commentLine: (criterion, text) => `• ${criterion}: "${text}"`,
  notReleased: (stage) =>
    `Scores of the ${stage} stage have not been announced yet. I will tell you as soon as the secretariat releases them.`,
  noResult: (stage) => `This proposal has no scores at the ${stage} stage.`,
  noScoredStage: "This competition has no scored stage.",
  stageChanged: (code, title, label, note) =>
    `📣 Proposal ${code} "${title}" is now at the stage: ${label}.${note ? `\nNote from the secretariat: ${note}` : ""}\nSend /status for details.`,
  scoresReleased: (stage, codes) =>
    `📣 Scores of the ${stage} stage for proposal ${codes} are out. Send /nilai to see them.`,
  daftarUsage: "Send the proposal code from the secretariat, e.g.: /daftar KP-7Q2M9X4KTD",
  daftarOk: (unit, code, title) =>
    `Thank you. You are now linked to ${unit}, proposal ${code} "${title}". Send /status to see its stage.`,
  daftarAlready: (unit) => `You are already linked to ${unit}. Send /status to see the proposal's stage.`,
  codeNotFound: "Sorry, code not found. Please check the code from the secretariat (e.g. KP-7Q2M9X4KTD).",
  tooManyAttempts: "Too many wrong codes. Please try again in an hour, or contact the secretariat.",
  linkCode: (code, minutes) =>
    `Link code: ${code} (valid ${minutes} minutes, one use).\nIn the other app (WhatsApp or Telegram), send: /tautkan ${code}`,
  linkDone: "This account is now linked. Your proposals and data are the same on WhatsApp and Telegram.",
  linkBad: "That link code is not valid or has expired. Ask for a new one with /tautkan in the other app.",
  linkSame: "This code was made from this very account. Send it from the other app (WhatsApp or Telegram).",
  phoneLinked: (units) =>
    `Thank you, your number matches the secretariat's records. Linked to: ${units}. Send /status to see the proposal's stage.`,
  phoneNoMatch:
    "Thank you, your number is saved. It is not in the secretariat's records; if you have a proposal code, send /daftar <code>.",
  onlySecretariat: "Sorry, this command is for the competition secretariat only.",
  tahapUsage: (stages) => `Usage: /tahap <code> <stage> [note]\nStages:\n${stages}`,
  unknownStage: (stage, stages) =>
    `The stage "${stage}" does not exist in this competition. Stages:\n${stages}`,
  backwards: (code, from, to) =>
    `The stage ${to} comes before the current stage (${from}). If it must go back, repeat with --paksa: /tahap ${code} <stage> --paksa [note]`,
  sameStage: (code, label) => `${code} is already at the stage ${label}.`,
  stageSet: (code, label, notified) =>
    `✅ ${code} is now at the stage ${label}. A notice goes to ${notified} participant contacts (queued, paced).`,
  rekapHeader: (name, total) => `Summary of ${name} · ${total} proposals`,
  rekapStages: "Per stage:",
  rekapLine: (label, n) => `• ${label}: ${n}`,
  rekapReadiness: "Proposal readiness:",
  rekapIncomplete: (units, proposals) => `Incomplete sections: ${units} units (${proposals} proposals)`,
  rekapStuck: (n) => `Stuck (no activity for 7 days, readiness < 100%): ${n}`,
  rekapAttachments: (sk, video, total) =>
    `Innovator team decree (SK) attached: ${sk} of ${total} proposal(s) · video link: ${video} of ${total}`,
  rekapStuckLine: (code, unit, readiness, last) => `• ${code} ${unit} · ${readiness}% · last active ${last}`,
  rekapMore: (n) => `… and ${n} more (full list: klinik report --csv)`,
  never: "never",
  rekapNone: "You do not manage any competition yet.",
};

export const statusTexts = catalog<StatusTexts>({ id, en });

// Building an Intl formatter costs far more than using one: keep them per locale and zone.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}

/** "10 Mei" / "10 May", with the year when it is not the current one, in the competition's zone. */
export function formatDay(locale: Locale, date: Date, timeZone: string, now: Date): string {
  const withYear = yearIn(date, timeZone) !== yearIn(now, timeZone);
  const tag = locale === "en" ? "en-GB" : "id-ID";
  return dateFormat(tag, {
    day: "numeric",
    month: "long",
    timeZone,
    ...(withYear ? { year: "numeric" } : {}),
  }).format(date);
}

/** One decimal, in the locale's notation (81,5 / 81.5). */
export function formatScore(locale: Locale, n: number): string {
  const tag = locale === "en" ? "en-GB" : "id-ID";
  return cached(
    `n|${tag}`,
    () => new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 0 }),
  ).format(n);
}
