import { catalog } from "./catalog.ts";

/**
 * Every sentence of questions and appeals to the secretariat (tickets), Indonesian first. Values
 * come in formatted (dates, numbers); people's text is passed as plain strings, which renderers
 * escape.
 */
export interface TicketTexts {
  askSecretariat: string;
  askPrompt: string;
  pickProposal: string;
  pickKind: string;
  kind: Record<"status" | "nilai" | "teknis" | "lainnya" | "banding", string>;
  created: (n: number, expected: string) => string;
  dailyLimit: (max: number) => string;
  tooLong: (max: number) => string;
  noCompetition: string;
  savedOffer: (answer: string) => string;
  yes: string;
  no: string;
  savedThanks: string;
  cancelled: string;
  listHeader: string;
  listEmpty: string;
  listLine: (n: number, kind: string, status: string, date: string, code: string) => string;
  status: Record<"open" | "answered" | "closed", string>;
  queueHeader: (n: number) => string;
  queueEmpty: string;
  queueLine: (n: number, kind: string, age: string, code: string, text: string) => string;
  detailHeader: (n: number, kind: string, status: string) => string;
  detailProposal: (code: string, title: string) => string;
  detailCriteria: (names: string) => string;
  detailAsked: (date: string) => string;
  detailAnswer: (date: string) => string;
  notVisible: (n: string) => string;
  onlySecretariat: string;
  jawabUsage: string;
  tutupUsage: string;
  putuskanUsage: string;
  koreksiUsage: string;
  answered: (n: number, queued: boolean, saved: boolean) => string;
  closed: (n: number) => string;
  alreadyClosed: (n: number) => string;
  answerToAsker: (n: number, question: string, answer: string) => string;
  closedToAsker: (n: number) => string;
  decisionToAsker: (n: number, accepted: boolean, note: string) => string;
  decided: (n: number, accepted: boolean) => string;
  notAppeal: (n: number) => string;
  notAccepted: (n: number) => string;
  unknownCriterion: (key: string, list: string) => string;
  badValue: (min: number, max: number) => string;
  corrected: (n: number, criterion: string, total: string) => string;
  correctedToAsker: (n: number, code: string) => string;
  criterionChoice: (name: string) => string;
  askOrAppeal: (criterion: string) => string;
  btnQuestion: string;
  btnAppeal: string;
  questionPrompt: (criterion: string) => string;
  appealPrompt: (criterion: string, until: string) => string;
  appealTooShort: string;
  appealNone: (stage: string) => string;
  appealClosed: (stage: string, closedOn: string) => string;
  appealExists: (n: number) => string;
  reminder: (n: number, kind: string, hours: number, code: string, text: string) => string;
  staleChoice: string;
  ageHours: (h: number) => string;
}

const id: TicketTexts = {
  askSecretariat: "Tanya sekretariat",
  askPrompt:
    "Silakan tulis pertanyaan Bapak/Ibu untuk sekretariat dalam satu pesan. Ketik /batal untuk membatalkan.",
  pickProposal: "Pertanyaan ini tentang proposal yang mana?",
  pickKind: "Pertanyaan ini tentang apa? Pilihan pertama adalah dugaan saya.",
  kind: { status: "Status", nilai: "Nilai", teknis: "Teknis", lainnya: "Lainnya", banding: "Banding" },
  created: (n, expected) =>
    `Terima kasih. Pertanyaan Bapak/Ibu tercatat sebagai tiket #${n}. Sekretariat menjawab paling lambat ${expected} (jam kerja). Jawabannya akan saya kirim ke sini; /tiket menampilkan tiket Bapak/Ibu.`,
  dailyLimit: (max) =>
    `Mohon maaf, hari ini Bapak/Ibu sudah membuka ${max} tiket, batas per hari. Sekretariat sedang menanganinya; silakan bertanya lagi besok, atau lihat /tiket.`,
  tooLong: (max) => `Mohon maaf, pertanyaan terlalu panjang. Ringkas menjadi paling banyak ${max} karakter.`,
  noCompetition:
    "Mohon maaf, Bapak/Ibu belum terdaftar pada kompetisi yang dibuka. Tautkan dulu dengan /daftar <kode>.",
  savedOffer: (answer) =>
    `Sekretariat pernah menjawab pertanyaan serupa:\n\n${answer}\n\nApakah ini menjawab pertanyaan Bapak/Ibu?`,
  yes: "Ya, terjawab",
  no: "Tidak, kirim ke sekretariat",
  savedThanks: "Syukurlah. Jika masih ada yang perlu ditanyakan, ketik /tanya.",
  cancelled: "Baik, pertanyaan dibatalkan.",
  listHeader: "Tiket Bapak/Ibu:",
  listEmpty: "Bapak/Ibu belum punya tiket. Ketik /tanya <pertanyaan> untuk bertanya kepada sekretariat.",
  listLine: (n, kind, status, date, code) =>
    `• #${n} ${kind} · ${status} · ${date}${code ? ` · ${code}` : ""}`,
  status: { open: "menunggu jawaban", answered: "sudah dijawab", closed: "ditutup" },
  queueHeader: (n) => `Tiket terbuka (${n}), yang terlama di atas:`,
  queueEmpty: "Tidak ada tiket terbuka. 👍",
  queueLine: (n, kind, age, code, text) => `• #${n} ${kind} · ${age}${code ? ` · ${code}` : ""}\n  ${text}`,
  detailHeader: (n, kind, status) => `Tiket #${n} · ${kind} · ${status}`,
  detailProposal: (code, title) => `Proposal: ${code} ${title}`,
  detailCriteria: (names) => `Kriteria: ${names}`,
  detailAsked: (date) => `Ditanyakan ${date}:`,
  detailAnswer: (date) => `Jawaban sekretariat ${date}:`,
  notVisible: (n) => `Tiket ${n} tidak ditemukan di antara tiket yang boleh Bapak/Ibu lihat.`,
  onlySecretariat: "Perintah ini hanya untuk sekretariat kompetisi.",
  jawabUsage:
    "Cara pakai: /jawab <nomor> <jawaban>. Tambahkan --simpan sebelum jawaban untuk menyimpannya sebagai jawaban siap pakai.",
  tutupUsage: "Cara pakai: /tutup <nomor>",
  putuskanUsage: "Cara pakai: /putuskan <nomor> diterima|ditolak <penjelasan>",
  koreksiUsage: "Cara pakai: /koreksi <nomor> <kriteria> <nilai> [juri]",
  answered: (n, queued, saved) =>
    `✅ Jawaban tiket #${n} tersimpan${queued ? " dan diantrekan ke penanya" : " (penanya tidak dapat dihubungi)"}.${saved ? " Jawaban juga disimpan untuk pertanyaan serupa." : ""}`,
  closed: (n) => `✅ Tiket #${n} ditutup.`,
  alreadyClosed: (n) => `Tiket #${n} sudah ditutup.`,
  answerToAsker: (n, question, answer) =>
    `Jawaban sekretariat untuk tiket #${n}\n\nPertanyaan: ${question}\n\n${answer}`,
  closedToAsker: (n) => `Tiket #${n} telah ditutup oleh sekretariat. Terima kasih.`,
  decisionToAsker: (n, accepted, note) =>
    `Keputusan banding tiket #${n}: ${accepted ? "DITERIMA" : "DITOLAK"}.\n\n${note}${accepted ? "\n\nJika nilai dikoreksi, hasil terbaru dapat dilihat dengan /nilai." : ""}`,
  decided: (n, accepted) =>
    `✅ Banding #${n} ${accepted ? "diterima. Koreksi nilainya dengan /koreksi" : "ditolak"}; penanya diberi tahu.`,
  notAppeal: (n) => `Tiket #${n} bukan banding.`,
  notAccepted: (n) => `Nilai hanya dapat dikoreksi untuk banding yang diterima (/putuskan ${n} diterima …).`,
  unknownCriterion: (key, list) => `Kriteria "${key}" tidak dikenal. Kriteria: ${list}`,
  badValue: (min, max) => `Nilai harus angka antara ${min} dan ${max}.`,
  corrected: (n, criterion, total) =>
    `✅ Nilai ${criterion} dikoreksi (tiket #${n}); nilai lama tetap tercatat. Total baru: ${total}. Hasil proposal dirilis ulang dan penanya diberi tahu.`,
  correctedToAsker: (n, code) =>
    `Nilai proposal ${code} telah dikoreksi setelah banding #${n}. Lihat hasil terbaru dengan /nilai.`,
  criterionChoice: (name) => `Tanya/banding: ${name}`,
  askOrAppeal: (criterion) => `Kriteria ${criterion}: Bapak/Ibu ingin bertanya atau mengajukan banding?`,
  btnQuestion: "Minta penjelasan",
  btnAppeal: "Ajukan banding",
  questionPrompt: (criterion) => `Tulis pertanyaan Bapak/Ibu tentang nilai ${criterion} dalam satu pesan.`,
  appealPrompt: (criterion, until) =>
    `Tulis alasan banding untuk nilai ${criterion} dalam satu pesan, paling tidak satu kalimat lengkap (misalnya bagian mana yang menurut Bapak/Ibu kurang dinilai dan buktinya). Masa banding berakhir ${until}. Satu proposal hanya dapat mengajukan satu banding per tahap.`,
  appealTooShort:
    "Alasan banding perlu paling tidak satu kalimat lengkap. Mohon jelaskan lebih rinci dalam satu pesan.",
  appealNone: (stage) =>
    `Mohon maaf, tahap ${stage} tidak membuka masa banding. Bapak/Ibu tetap dapat meminta penjelasan.`,
  appealClosed: (stage, closedOn) =>
    `Mohon maaf, masa banding nilai ${stage} sudah berakhir pada ${closedOn}. Bapak/Ibu tetap dapat meminta penjelasan kepada sekretariat.`,
  appealExists: (n) =>
    `Proposal ini sudah mengajukan banding untuk tahap ini (tiket #${n}). Satu banding per tahap.`,
  reminder: (n, kind, hours, code, text) =>
    `⏰ Tiket #${n} (${kind}${code ? `, ${code}` : ""}) belum dijawab lebih dari ${hours} jam kerja:\n${text}\n\nJawab dengan /jawab ${n} <jawaban>.`,
  staleChoice: "Pilihan itu sudah tidak berlaku. Ketik /tanya untuk bertanya lagi.",
  ageHours: (h) => `${h} jam kerja`,
};

const en: TicketTexts = {
  askSecretariat: "Ask the secretariat",
  askPrompt: "Please write your question for the secretariat in one message. Type /batal to cancel.",
  pickProposal: "Which proposal is this question about?",
  pickKind: "What is this question about? The first option is my guess.",
  kind: { status: "Status", nilai: "Scores", teknis: "Technical", lainnya: "Other", banding: "Appeal" },
  created: (n, expected) =>
    `Thank you. Your question is ticket #${n}. The secretariat answers by ${expected} (office hours). I will send the answer here; /tiket lists your tickets.`,
  dailyLimit: (max) =>
    `Sorry, you have opened ${max} tickets today, the daily limit. The secretariat is on them; please ask again tomorrow, or see /tiket.`,
  tooLong: (max) => `Sorry, the question is too long. Please shorten it to at most ${max} characters.`,
  noCompetition: "Sorry, you are not registered in an open competition yet. Link first with /daftar <code>.",
  savedOffer: (answer) =>
    `The secretariat answered a similar question before:\n\n${answer}\n\nDoes this answer your question?`,
  yes: "Yes, answered",
  no: "No, send to the secretariat",
  savedThanks: "Glad to hear it. If anything else comes up, type /tanya.",
  cancelled: "All right, the question is cancelled.",
  listHeader: "Your tickets:",
  listEmpty: "You have no tickets yet. Type /tanya <question> to ask the secretariat.",
  listLine: (n, kind, status, date, code) =>
    `• #${n} ${kind} · ${status} · ${date}${code ? ` · ${code}` : ""}`,
  status: { open: "awaiting an answer", answered: "answered", closed: "closed" },
  queueHeader: (n) => `Open tickets (${n}), oldest first:`,
  queueEmpty: "No open tickets. 👍",
  queueLine: (n, kind, age, code, text) => `• #${n} ${kind} · ${age}${code ? ` · ${code}` : ""}\n  ${text}`,
  detailHeader: (n, kind, status) => `Ticket #${n} · ${kind} · ${status}`,
  detailProposal: (code, title) => `Proposal: ${code} ${title}`,
  detailCriteria: (names) => `Criteria: ${names}`,
  detailAsked: (date) => `Asked ${date}:`,
  detailAnswer: (date) => `Secretariat's answer ${date}:`,
  notVisible: (n) => `Ticket ${n} is not among the tickets you may see.`,
  onlySecretariat: "This command is for the competition's secretariat only.",
  jawabUsage:
    "Usage: /jawab <number> <answer>. Put --simpan before the answer to save it as a reusable reply.",
  tutupUsage: "Usage: /tutup <number>",
  putuskanUsage: "Usage: /putuskan <number> diterima|ditolak <explanation>",
  koreksiUsage: "Usage: /koreksi <number> <criterion> <value> [judge]",
  answered: (n, queued, saved) =>
    `✅ Answer to ticket #${n} saved${queued ? " and queued to the asker" : " (the asker cannot be reached)"}.${saved ? " Also saved for similar questions." : ""}`,
  closed: (n) => `✅ Ticket #${n} closed.`,
  alreadyClosed: (n) => `Ticket #${n} is already closed.`,
  answerToAsker: (n, question, answer) =>
    `The secretariat's answer to ticket #${n}\n\nQuestion: ${question}\n\n${answer}`,
  closedToAsker: (n) => `Ticket #${n} was closed by the secretariat. Thank you.`,
  decisionToAsker: (n, accepted, note) =>
    `Decision on appeal #${n}: ${accepted ? "ACCEPTED" : "REJECTED"}.\n\n${note}${accepted ? "\n\nIf the score is corrected, /nilai shows the new result." : ""}`,
  decided: (n, accepted) =>
    `✅ Appeal #${n} ${accepted ? "accepted. Correct the score with /koreksi" : "rejected"}; the asker is told.`,
  notAppeal: (n) => `Ticket #${n} is not an appeal.`,
  notAccepted: (n) => `Scores can be corrected only for an accepted appeal (/putuskan ${n} diterima …).`,
  unknownCriterion: (key, list) => `Unknown criterion "${key}". Criteria: ${list}`,
  badValue: (min, max) => `The value must be a number from ${min} to ${max}.`,
  corrected: (n, criterion, total) =>
    `✅ ${criterion} corrected (ticket #${n}); the old score stays on record. New total: ${total}. The proposal's result is released again and the asker is told.`,
  correctedToAsker: (n, code) =>
    `The scores of ${code} were corrected after appeal #${n}. See the new result with /nilai.`,
  criterionChoice: (name) => `Ask/appeal: ${name}`,
  askOrAppeal: (criterion) => `Criterion ${criterion}: do you want to ask a question or appeal?`,
  btnQuestion: "Ask for an explanation",
  btnAppeal: "Appeal",
  questionPrompt: (criterion) => `Write your question about the ${criterion} score in one message.`,
  appealPrompt: (criterion, until) =>
    `Write the reason for appealing the ${criterion} score in one message, at least one full sentence (for example which part you think was under-scored and the evidence). The appeal window ends ${until}. A proposal can appeal once per stage.`,
  appealTooShort:
    "An appeal needs at least one full sentence of reason. Please explain in more detail in one message.",
  appealNone: (stage) =>
    `Sorry, the stage ${stage} has no appeal window. You can still ask for an explanation.`,
  appealClosed: (stage, closedOn) =>
    `Sorry, the appeal window for the ${stage} scores closed on ${closedOn}. You can still ask the secretariat for an explanation.`,
  appealExists: (n) =>
    `This proposal has already appealed at this stage (ticket #${n}). One appeal per stage.`,
  reminder: (n, kind, hours, code, text) =>
    `⏰ Ticket #${n} (${kind}${code ? `, ${code}` : ""}) has waited more than ${hours} office hours:\n${text}\n\nAnswer with /jawab ${n} <answer>.`,
  staleChoice: "That choice is no longer valid. Type /tanya to ask again.",
  ageHours: (h) => `${h} office hours`,
};

export const ticketTexts = catalog<TicketTexts>({ id, en });
