import type { DialogueTexts } from "./dialogueTexts.ts";

export const id: DialogueTexts = {
  welcome: (name) =>
    `Selamat datang di Klinik Inovasi 👋${name ? ` Bapak/Ibu ${name}.` : ""}\nSaya membantu Bapak/Ibu menyusun proposal inovasi pelayanan publik bagian demi bagian, memeriksa kelengkapannya terhadap kriteria penilaian, dan menjawab status serta nilai.`,
  greetBack: (name) => `Halo juga, Bapak/Ibu${name ? ` ${name}` : ""}. 👋`,
  privacy:
    "Data yang disimpan: nama, nomor kontak, dan draf proposal. Lihat atau hapus kapan saja dengan /datasaya dan /hapusdata.",
  openCompetition: (name, deadline) =>
    `Kompetisi yang sedang dibuka: ${name}${deadline ? ` (batas unggah ${deadline})` : ""}.`,
  noCompetition: "Saat ini belum ada kompetisi yang dibuka. Sekretariat akan mengumumkannya di sini.",
  chooseCompetition: "Ada beberapa kompetisi yang dibuka. Pilih salah satu:",
  btnNew: "Mulai proposal baru",
  btnContinue: "Lanjutkan proposal saya",
  btnSkip: "Lewati",
  askUnit: "Apa nama unit pelayanan Bapak/Ibu? (contoh: Puskesmas Sukamaju)",
  askInstansi: "Apa instansi induk unit tersebut? (contoh: Pemerintah Kabupaten Banyumas)",
  askGroup: "Proposal ini diikutkan pada kelompok apa?",
  askCategory: "Proposal ini masuk kategori apa?",
  askRegistration: (q, example) => `${q} (misalnya ${example})`,
  badYear: (label, max) =>
    `${label} perlu ditulis sebagai tahun dengan 4 angka, antara 1990 dan ${max}, misalnya 2021.`,
  unitProblems: {
    short: "Nama unit terlalu pendek. Tulis nama lengkapnya, misalnya Puskesmas Sukamaju.",
    long: "Nama unit terlalu panjang (lebih dari 200 karakter). Tulis namanya saja, misalnya Puskesmas Sukamaju.",
    digits: "Nama unit perlu berupa nama, bukan angka saja, misalnya Puskesmas Sukamaju.",
  },
  instansiProblems: {
    short:
      "Nama instansi terlalu pendek. Tulis nama lengkapnya, misalnya Pemerintah Kabupaten Banyumas, atau pilih Lewati.",
    long: "Nama instansi terlalu panjang (lebih dari 200 karakter). Tulis namanya saja, misalnya Pemerintah Kabupaten Banyumas.",
    digits:
      "Nama instansi perlu berupa nama, bukan angka saja, misalnya Pemerintah Kabupaten Banyumas, atau pilih Lewati.",
  },
  fieldProblems: (label, example) => ({
    short: `${label} terlalu pendek. Tulis minimal 3 huruf, misalnya ${example}.`,
    long: `${label} terlalu panjang (lebih dari 200 karakter). Mohon diringkas, misalnya ${example}.`,
    digits: `${label} perlu berisi kata-kata, bukan angka saja, misalnya ${example}.`,
  }),
  tooYoung: (age, min) =>
    `⚠️ Perhatian: pada batas pendaftaran, inovasi ini baru berjalan sekitar ${age} tahun, sedangkan ketentuan kompetisi meminta minimal ${min} tahun. Proposal tetap bisa disusun, tetapi bisa gugur di verifikasi administrasi. Pastikan tahun mulai sesuai dokumen (SK atau laporan).`,
  duplicateTitle:
    "⚠️ Judul ini sama dengan proposal Bapak/Ibu yang lain. Judul yang sama pada beberapa proposal bisa menyebabkan gugur administrasi; pertimbangkan judul yang berbeda.",
  created: (title, code, count, first) =>
    `Baik. Proposal "${title}" dibuat (kode ${code}).\nAda ${count} bagian. Kita mulai dari ${first}, atau pilih bagian lain di /bagian.`,
  sectionHeader: (i, n, title, weight, min, max) =>
    `Bagian ${i}/${n} · ${title} (bobot ${weight}%${max ? `, ${min > 0 ? `${min}–` : "maks. "}${max} kata` : ""})`,
  guidingQuestions: "Pertanyaan pemandu:",
  writeInstruction: "Tulis jawaban Bapak/Ibu (boleh beberapa pesan). Ketik selesai bila sudah.",
  wordsSoFar: (w, max) => `(${w}${max ? `/${max}` : ""} kata) Lanjutkan, atau ketik selesai.`,
  overMax: (w, max) =>
    `(${w}/${max} kata) Sudah melebihi batas; ketik selesai untuk memeriksa, lalu ringkas.`,
  nothingWritten: "Belum ada jawaban untuk bagian ini. Tulis jawabannya dulu, lalu ketik selesai.",
  checkHeader: (title, w, max, mark) => `${title} · ${w}${max ? `/${max}` : ""} kata · ${mark}`,
  markWord: { complete: "✅ lengkap", incomplete: "⚠️ belum lengkap", empty: "⬜ kosong" },
  wordsShort: (w, min) => `⚠️ Baru ${w} kata; bagian ini sebaiknya minimal ${min} kata.`,
  wordsLong: (w, max) =>
    `⚠️ ${w} kata, melebihi batas ${max} kata. Ringkas agar tidak dipotong atau dinilai kurang fokus.`,
  throwaway: {
    too_short: "⚠️ Jawaban terlalu singkat untuk dinilai.",
    repeated_chars: "⚠️ Jawaban berisi karakter atau kata yang diulang-ulang.",
    question_copied: "⚠️ Jawaban hanya menyalin pertanyaan pemandu.",
    lorem_ipsum: "⚠️ Jawaban berisi teks contoh (lorem ipsum).",
    duplicate_of_section: "⚠️ Jawaban ini sama dengan bagian lain.",
    nothing_yet: "⚠️ Jawaban ini hanya menyatakan belum ada.",
    off_topic: "⚠️ Teks ini tidak menjawab pertanyaan bagian ini.",
  },
  tip: "Tip",
  btnRevise: "Perbaiki",
  btnAppend: "Tambah",
  btnNext: "Bagian berikutnya",
  btnLater: "Nanti saja",
  btnBack: "Kembali",
  savedLater: "Baik, semua tersimpan. Lanjutkan kapan saja dengan /bagian atau /cek.",
  lastSectionDone: "Ini bagian terakhir. Berikut pemeriksaan seluruh proposal:",
  sectionsHeader: (code, r) => `Proposal ${code} · kelengkapan ${r}%`,
  chooseSectionHint: "Pilih nomor bagian untuk dibuka.",
  currentText: (title, w) => `${title} · ${w} kata. Teks saat ini:`,
  writingText: (title, w) =>
    `${title} · ${w} kata, sedang ditulis (belum diperiksa; ketik selesai untuk memeriksa):`,
  aiAdvised:
    "🤖 Bagian ini pernah mendapat saran AI (tercatat untuk sekretariat; teksnya tetap tulisan Bapak/Ibu).",
  emptySection: (title) => `${title} masih kosong.`,
  reviseIntro: (title) =>
    `Tulis ulang ${title}. Teks lama tetap tersimpan dan bisa dipulihkan lewat /riwayat. Ketik selesai bila sudah.`,
  appendIntro: (title) => `Tambahkan ke ${title}. Ketik selesai bila sudah.`,
  historyHeader: (title) => `Riwayat ${title} (terbaru di atas). Pilih nomor untuk memulihkan:`,
  revisionLabel: (when, w, preview) => `${when} · ${w} kata · ${preview}`,
  noHistory: (title) => `${title} belum punya riwayat.`,
  restored: (title) => `Versi terpilih dipulihkan untuk ${title}. Versi sebelumnya tetap ada di riwayat.`,
  cekHeader: (code, r) => `Pemeriksaan proposal ${code} · kelengkapan ${r}%`,
  cekTopFixes: "Tiga perbaikan paling bernilai:",
  cekAllGood:
    "Semua bagian sudah lengkap menurut pemeriksaan aturan. Baca ulang sekali lagi sebelum mengunggah.",
  fixLine: (title, weight, mark) => `${title} (bobot ${weight}%) ${mark}`,
  proposalsHeader: "Proposal Bapak/Ibu:",
  switched: (title, code) => `Proposal aktif: "${title}" (${code}).`,
  chooseLocale: "Pilih bahasa / Choose a language:",
  localeSet: "Baik, saya akan memakai bahasa Indonesia.",
  cancelled: "Baik, dibatalkan. Tidak ada yang hilang. Ketik /bagian untuk melanjutkan.",
  cancelledSaved: (title) =>
    `Baik, dibatalkan. Yang sudah Bapak/Ibu tulis untuk ${title} tetap tersimpan sebagai draf. Ketik /bagian untuk melanjutkan.`,
  tooLong: (n) =>
    `Pesan ini terlalu panjang (${n.toLocaleString("id-ID")} karakter; maksimal 10.000). Mohon kirim dalam beberapa pesan yang lebih pendek, atau kirim sebagai berkas (DOCX/PDF). Pesan ini belum disimpan.`,
  nonText:
    "Saya hanya bisa membaca pesan teks dan berkas. Mohon tulis jawabannya dengan kata-kata, atau kirim draf sebagai berkas DOCX atau PDF; SK Tim Inovator dan dokumen pendukung boleh berupa PDF atau foto. 🙏",
  emptyLine: "Pesannya kosong. Silakan tulis jawaban atau pertanyaan Bapak/Ibu, atau ketik /bantuan.",
  unknownCommand: (cmd) => `Perintah ${cmd} tidak saya kenal. Ketik /bantuan untuk daftar perintah.`,
  staleChoice: "Pilihan itu sudah tidak berlaku. Silakan pilih dari pesan terbaru.",
  needProposal: "Belum ada proposal aktif. Pilih atau buat proposal dulu:",
  pendingAsk: "Teks ini untuk mengganti isi bagian (Perbaiki) atau ditambahkan (Tambah)?",
  resume: (title, w) => `Kembali ke ${title} (${w} kata tertulis). Lanjutkan menulis, atau ketik selesai.`,
  resumeReviewed: (title) => `Kita masih di bagian ${title}. Mau lanjut ke mana?`,
  welcomeBack: "Selamat datang kembali.",
  recovered:
    "Maaf, posisi percakapan terakhir tidak terbaca, jadi kita mulai dari menu. Semua draf tetap aman.",
  menuHint: "Ketik /bagian untuk memilih bagian, /cek untuk memeriksa proposal, atau /bantuan.",
  askSecretariat: "Tanya sekretariat",
  pickOne: "Silakan pilih salah satu:",
  greetingWhileWriting: "Halo juga, Bapak/Ibu. 👋 Pesan itu tidak saya masukkan ke jawaban.",
  unsureAsk: "Pesan ini bagian dari jawaban, atau pertanyaan untuk saya?",
  btnAddToAnswer: "Tambahkan ke jawaban",
  btnIsQuestion: "Ini pertanyaan",
  notAdded: "Pertanyaan itu tidak saya masukkan ke jawaban. Penjelasan singkat bagian ini:",
};
