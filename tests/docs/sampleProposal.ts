import { loadTemplateFile } from "../../src/core/templates/loadTemplates.ts";

/** The bundled KIPP 2023 Kelompok Umum template (sections, titles, aliases, limits). */
export const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");

/**
 * A realistic proposal of a Puskesmas (made up, numbers consistent across sections), one text
 * per KIPP section. Paragraphs are separated by blank lines; one section has a list with line
 * breaks so paragraph and line structure both survive a round trip.
 */
export const SAMPLE: Record<string, string> = {
  ringkasan: [
    "Pada 2020 pasien Puskesmas Sukamaju harus antre rata-rata 3 jam untuk berobat. Masalahnya, nomor antrean hanya dibagikan di loket mulai pukul 06.00, sehingga warga datang sebelum subuh dan ruang tunggu selalu penuh.",
    "Sejak Juli 2021, melalui inovasi SIPANDU (Sistem Antrean Pintar dan Rujukan Terpadu), warga mengambil nomor antrean lewat WhatsApp dan datang sesuai jam yang diberikan. Hasilnya, waktu tunggu turun dari 180 menit menjadi 35 menit pada 2023.",
  ].join("\n\n"),
  latar_belakang: [
    "Puskesmas Sukamaju melayani 62.000 penduduk di 9 desa dengan rata-rata 240 kunjungan per hari. Survei kepuasan masyarakat 2020 mencatat nilai 71,3 dan 58% keluhan menyangkut antrean. Petugas loket hanya 2 orang, sehingga pendaftaran menumpuk pada pagi hari.",
    "Sebagian besar pasien adalah petani dan buruh harian yang kehilangan upah sekitar Rp 80.000 setiap kali berobat karena harus menunggu setengah hari. Desa terjauh, Cikaret, berjarak 14 km dari puskesmas, dan angkutan umum baru tersedia pukul 07.00, sehingga warga dari desa itu hampir selalu mendapat nomor antrean terakhir.",
    "Jika tidak ditangani, dalam 2 tahun ke depan jumlah kunjungan diperkirakan naik menjadi 300 per hari karena program JKN, dan antrean akan semakin panjang. Pasien lansia dan ibu hamil paling dirugikan karena harus menunggu lama tanpa tempat duduk.",
    "Masalah kedua adalah rujukan. Pasien yang dirujuk ke RSUD harus membawa surat rujukan kertas dan sering ditolak karena berkasnya tidak lengkap.",
    "Tujuan inovasi ini adalah memangkas waktu tunggu menjadi di bawah 45 menit dengan target nilai SKM di atas 85 pada 2023.",
  ].join("\n\n"),
  kebaruan: [
    "Sebelumnya, nomor antrean hanya bisa diambil langsung di loket, dan rujukan ke rumah sakit diurus pasien sendiri dengan membawa berkas kertas.",
    "SIPANDU berbeda dengan aplikasi antrean lain karena memakai WhatsApp yang sudah dimiliki warga, tanpa perlu mengunduh aplikasi baru. Pasien menerima perkiraan jam dilayani, dan rujukan dikirim langsung ke RSUD dalam 10 menit.",
    "Di Kabupaten Sukamaju, ini adalah puskesmas pertama yang menggabungkan antrean daring dengan rujukan elektronik.",
  ].join("\n\n"),
  implementasi: [
    "Inovasi dilaksanakan dalam tiga tahap:",
    "- Tahap pertama, persiapan (Januari–Maret 2021): menyusun alur layanan dan melatih 14 petugas.\n- Tahap kedua, uji coba (April–Juni 2021) di poli umum bersama kader desa.\n- Tahap ketiga, perluasan (Juli 2021) ke semua poli, kemudian sosialisasi melalui pemerintah desa.",
    "Selanjutnya, kepala puskesmas memantau pelaksanaan setiap bulan bersama Dinas Kesehatan.",
  ].join("\n\n"),
  signifikansi: [
    "Waktu tunggu pasien turun dari 180 menit pada 2020 menjadi 35 menit pada 2023. Nilai SKM naik dari 71,3 menjadi 88,6, dan jumlah keluhan antrean berkurang dari 412 menjadi 37 per tahun.",
    "Warga tidak perlu lagi datang sebelum subuh, sehingga biaya transportasi dan waktu kerja yang hilang dapat dihemat. Rujukan ke RSUD kini selesai dalam 10 menit, sebelumnya 2 hari.",
    "Evaluasi internal dilakukan melalui rapat bulanan puskesmas. Secara eksternal, Inspektorat Kabupaten melakukan evaluasi pada Maret 2023 dan Universitas Sukamaju melakukan kajian terhadap 300 responden.",
  ].join("\n\n"),
  adaptabilitas: [
    "SIPANDU sudah direplikasi oleh Puskesmas Mekarsari dan Puskesmas Cibeureum sejak 2022, dan 5 puskesmas lain telah melakukan studi banding.",
    "Unit lain cukup menyiapkan 1 nomor WhatsApp, 1 komputer, dan panduan SOP yang kami bagikan gratis.",
  ].join("\n\n"),
  sumber_daya: [
    "SDM: 14 petugas puskesmas, termasuk 2 operator pendaftaran dan 1 petugas rujukan. Setiap pagi 1 petugas piket menjawab pertanyaan warga yang masuk melalui WhatsApp, dan 18 kader desa membantu lansia yang belum bisa memakai telepon genggam.",
    "Anggaran: APBD melalui DPA Dinas Kesehatan sebesar Rp 24 juta per tahun untuk pulsa, perawatan komputer, dan pelatihan.",
    "Sarana: 3 komputer, 2 telepon genggam, dan aplikasi WhatsApp Business. Ruang tunggu ditata ulang dengan 40 kursi dan 1 layar pemanggil antrean. Listrik cadangan memakai genset milik puskesmas.",
  ].join("\n\n"),
  keberlanjutan: [
    "Inovasi ditetapkan dengan Keputusan Kepala Dinas Kesehatan Nomor 440/112 Tahun 2022, dan SOP antrean daring disahkan pada Januari 2022.",
    "Anggaran rutin masuk APBD setiap tahun melalui DPA puskesmas. Kader desa dan Forum Kesehatan Desa ikut menyosialisasikan layanan kepada warga.",
  ].join("\n\n"),
};
