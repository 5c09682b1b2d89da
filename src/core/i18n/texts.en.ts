import type { DialogueTexts } from "./dialogueTexts.ts";

export const en: DialogueTexts = {
  welcome: (name) =>
    `Welcome to Klinik Inovasi 👋${name ? ` ${name}.` : ""}\nI help you write your public-service innovation proposal section by section, check it against the judging criteria, and answer questions about status and scores.`,
  greetBack: (name) => `Hello${name ? ` ${name}` : ""}. 👋`,
  privacy:
    "What is stored: your name, contact number and proposal drafts. See or delete it any time with /datasaya and /hapusdata.",
  openCompetition: (name, deadline) =>
    `Open competition: ${name}${deadline ? ` (upload deadline ${deadline})` : ""}.`,
  noCompetition: "No competition is open right now. The secretariat will announce it here.",
  chooseCompetition: "Several competitions are open. Choose one:",
  btnNew: "Start a new proposal",
  btnContinue: "Continue my proposal",
  btnSkip: "Skip",
  askUnit: "What is the name of your service unit? (e.g. Puskesmas Sukamaju)",
  askInstansi: "What is the unit's parent institution? (e.g. Pemerintah Kabupaten Banyumas)",
  askGroup: "Which group is this proposal entered in?",
  askCategory: "Which category does this proposal belong to?",
  askRegistration: (q, example) => `${q} (e.g. ${example})`,
  badYear: (label, max) => `${label} needs to be a 4-digit year between 1990 and ${max}, e.g. 2021.`,
  unitProblems: {
    short: "The unit's name is too short. Write its full name, e.g. Puskesmas Sukamaju.",
    long: "The unit's name is too long (over 200 characters). Write just the name, e.g. Puskesmas Sukamaju.",
    digits: "The unit's name needs to be a name, not only digits, e.g. Puskesmas Sukamaju.",
  },
  instansiProblems: {
    short:
      "The agency's name is too short. Write its full name, e.g. Pemerintah Kabupaten Banyumas, or choose Skip.",
    long: "The agency's name is too long (over 200 characters). Write just the name, e.g. Pemerintah Kabupaten Banyumas.",
    digits:
      "The agency's name needs to be a name, not only digits, e.g. Pemerintah Kabupaten Banyumas, or choose Skip.",
  },
  fieldProblems: (label, example) => ({
    short: `${label} is too short. Write at least 3 letters, e.g. ${example}.`,
    long: `${label} is too long (over 200 characters). Please shorten it, e.g. ${example}.`,
    digits: `${label} needs words, not only digits, e.g. ${example}.`,
  }),
  tooYoung: (age, min) =>
    `⚠️ Note: at the registration deadline the innovation will have been running for about ${age} year(s), while the competition requires at least ${min}. You can still write the proposal, but it may be rejected at the administrative check. Make sure the start year matches your documents (decree or reports).`,
  duplicateTitle:
    "⚠️ This title is the same as another of your proposals. The same title on several proposals can lead to rejection at the administrative check; consider a different title.",
  created: (title, code, count, first) =>
    `Done. Proposal "${title}" created (code ${code}).\nIt has ${count} sections. We start with ${first}, or choose another one with /bagian.`,
  sectionHeader: (i, n, title, weight, min, max) =>
    `Section ${i}/${n} · ${title} (weight ${weight}%${max ? `, ${min > 0 ? `${min}–` : "max. "}${max} words` : ""})`,
  guidingQuestions: "Guiding questions:",
  writeInstruction: "Write your answer (several messages are fine). Type done when finished.",
  wordsSoFar: (w, max) => `(${w}${max ? `/${max}` : ""} words) Go on, or type done.`,
  overMax: (w, max) => `(${w}/${max} words) Over the limit; type done to check it, then shorten.`,
  nothingWritten: "Nothing written for this section yet. Write the answer first, then type done.",
  checkHeader: (title, w, max, mark) => `${title} · ${w}${max ? `/${max}` : ""} words · ${mark}`,
  markWord: { complete: "✅ complete", incomplete: "⚠️ incomplete", empty: "⬜ empty" },
  wordsShort: (w, min) => `⚠️ Only ${w} words; this section should have at least ${min}.`,
  wordsLong: (w, max) =>
    `⚠️ ${w} words, over the ${max}-word limit. Shorten it so it is not cut or judged unfocused.`,
  throwaway: {
    too_short: "⚠️ The answer is too short to be judged.",
    repeated_chars: "⚠️ The answer repeats the same characters or words.",
    question_copied: "⚠️ The answer only copies the guiding question.",
    lorem_ipsum: "⚠️ The answer contains placeholder text (lorem ipsum).",
    duplicate_of_section: "⚠️ This answer is the same as another section.",
  },
  tip: "Tip",
  btnRevise: "Revise",
  btnAppend: "Add more",
  btnNext: "Next section",
  btnLater: "Later",
  btnBack: "Back",
  savedLater: "All saved. Continue any time with /bagian or /cek.",
  lastSectionDone: "That was the last section. Here is the check of the whole proposal:",
  sectionsHeader: (code, r) => `Proposal ${code} · completeness ${r}%`,
  chooseSectionHint: "Choose a section number to open it.",
  currentText: (title, w) => `${title} · ${w} words. Current text:`,
  writingText: (title, w) => `${title} · ${w} words, being written (not checked yet; type done to check):`,
  aiAdvised: "🤖 This section has had AI advice (recorded for the secretariat; the text is still yours).",
  emptySection: (title) => `${title} is still empty.`,
  reviseIntro: (title) =>
    `Rewrite ${title}. The old text stays saved and can be restored with /riwayat. Type done when finished.`,
  appendIntro: (title) => `Add to ${title}. Type done when finished.`,
  historyHeader: (title) => `History of ${title} (newest first). Choose a number to restore it:`,
  revisionLabel: (when, w, preview) => `${when} · ${w} words · ${preview}`,
  noHistory: (title) => `${title} has no history yet.`,
  restored: (title) => `The chosen version of ${title} is restored. The previous one stays in the history.`,
  cekHeader: (code, r) => `Check of proposal ${code} · completeness ${r}%`,
  cekTopFixes: "The three fixes worth most:",
  cekAllGood:
    "Every section is complete according to the rule check. Read it through once more before uploading.",
  fixLine: (title, weight, mark) => `${title} (weight ${weight}%) ${mark}`,
  proposalsHeader: "Your proposals:",
  switched: (title, code) => `Active proposal: "${title}" (${code}).`,
  chooseLocale: "Pilih bahasa / Choose a language:",
  localeSet: "Fine, I will use English.",
  help: "Commands:\n/bagian – sections and their marks\n/lihat – see this section's text\n/ubah – rewrite this section\n/riwayat – earlier versions\n/cek – check the whole proposal\n/siap – upload readiness: SK, supporting documents, video, age, title\n/video <link> – save the innovation video link\n/saran – advice on this section\n/ekspor – download the proposal (DOCX; /ekspor teks for SINOVIK)\n/proposal – switch or create a proposal\n/status, /nilai – status and scores of the proposal\n/tanya – ask the secretariat; /tiket – your tickets\n/daftar <code> – join a registered proposal\n/tautkan – link your Telegram and WhatsApp accounts\n/kodebaru – change the proposal code (the old one stops working)\n/keluarkan <code> – remove someone who joined without permission\n/bahasa – language (id/en)\n/batal – leave this step\n/berhenti – stop announcements (/mulai to subscribe again)\n/datasaya, /hapusdata – your personal data\nHave a draft in Word or PDF? Just send the file. The innovator team decree (SK) and supporting documents are sent as files or photos too.\nSecretariat and judges: /tahap, /rekap, /umumkan, /laporan, /tiket, /jawab, /tutup, /putuskan, /koreksi, /masuk (web dashboard)",
  cancelled: "Cancelled. Nothing is lost. Type /bagian to continue.",
  cancelledSaved: (title) =>
    `Cancelled. What you wrote for ${title} is kept as a draft. Type /bagian to continue.`,
  tooLong: (n) =>
    `This message is too long (${n.toLocaleString("en-GB")} characters; at most 10,000). Please send it in several shorter messages, or as a file (DOCX/PDF). It has not been saved.`,
  nonText:
    "I can only read text messages and files. Please write your answer in words, or send a draft as a DOCX or PDF file; the innovator team decree (SK) and supporting documents may be PDFs or photos. 🙏",
  emptyLine: "That message was empty. Please write your answer or question, or type /bantuan.",
  unknownCommand: (cmd) => `I don't know the command ${cmd}. Type /bantuan for the list.`,
  staleChoice: "That choice is no longer valid. Please choose from the latest message.",
  needProposal: "There is no active proposal yet. Choose or create one first:",
  pendingAsk: "Should this text replace the section (Revise) or be added to it (Add more)?",
  resume: (title, w) => `Back to ${title} (${w} words written). Go on writing, or type done.`,
  resumeReviewed: (title) => `We are still at ${title}. What next?`,
  welcomeBack: "Welcome back.",
  recovered: "Sorry, I could not read where we were, so we start again from the menu. All drafts are safe.",
  menuHint: "Type /bagian to choose a section, /cek to check the proposal, or /bantuan.",
  askSecretariat: "Ask the secretariat",
  pickOne: "Please choose one:",
  greetingWhileWriting: "Hello to you too. 👋 I did not add that message to the answer.",
  unsureAsk: "Is this message part of the answer, or a question for me?",
  btnAddToAnswer: "Add to the answer",
  btnIsQuestion: "It is a question",
  notAdded: "I did not add that question to the answer. A short explanation of this section:",
};
