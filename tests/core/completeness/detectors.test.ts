import { describe, expect, it } from "vitest";
import { runDetector } from "../../../src/core/completeness/detectors.ts";
import type { DetectorSpec } from "../../../src/core/templates/sectionSchema.ts";

const run = (spec: DetectorSpec, text: string) => runDetector(spec, text);
const numbers = (min = 1): DetectorSpec => ({ kind: "numbers", min });

describe("numbers (quantities with a unit)", () => {
  it.each([
    ["Cakupan baru 61% dari sasaran", "61%"],
    ["Sasaran sebanyak 1.250 jiwa", "1.250 jiwa"],
    ["Ongkos pulang-pergi Rp 75.000 per orang", "Rp 75.000 per orang"],
    ["Anggaran Rp5 juta", "Rp5 juta"],
    ["Antre sampai 30 menit", "30 menit"],
    ["Kartu jadi dalam tiga hari", "tiga hari"],
    ["Setiap tim terdiri dari 2 orang", "2 orang"],
    ["Jarak ke kantor 14 km", "14 km"],
    ["Penduduk 1,8 juta jiwa", "1,8 juta jiwa"],
  ])("finds the measure in %j", (text, evidence) => {
    expect(run(numbers(), text)).toEqual({ present: true, evidence });
  });

  it.each([
    ["a year alone", "Inovasi ini dimulai pada tahun 2021."],
    ["a regulation number", "berdasarkan Perbup Nomor 12 Tahun 2021"],
    ["a regulation cited without 'Nomor'", "sesuai Permendagri 86 Tahun 2017"],
    ["a law cited with a slash", "sesuai UU 25/2009"],
    ["a place name containing a number word", "di Kabupaten Lima Puluh Kota"],
    ["an address", "di RT 03 RW 05"],
    ["vague words", "ribuan warga merasakan manfaat yang sangat besar"],
  ])("does not count %s as a measure", (_why, text) => {
    expect(run(numbers(), text).present).toBe(false);
  });

  it("requires as many distinct measures as the template asks", () => {
    expect(run(numbers(3), "Cakupan 61% pada 2020.").present).toBe(false);
    expect(run(numbers(3), "Cakupan 61%, 16.420 warga dilayani, waktu 20 menit.")).toEqual({
      present: true,
      evidence: "61%, 16.420 warga, 20 menit",
    });
  });
});

describe("beforeAfter", () => {
  const ba: DetectorSpec = { kind: "beforeAfter" };
  it.each([
    ["Cakupan meningkat dari 61% menjadi 93%.", "dari 61% menjadi 93%"],
    ["Waktu layanan turun dari 14 hari ke 1 hari.", "dari 14 hari ke 1 hari"],
    ["Cakupan naik dari 61% pada akhir 2020 menjadi 93% pada 2023.", "dari 61% pada akhir 2020 menjadi 93%"],
    ["Waktu tunggu dipangkas dari 3 jam hingga 30 menit.", "dari 3 jam hingga 30 menit"],
    ["Cakupan: 61% → 93%", "61% → 93%"],
    ["Coverage rose from 61% to 93%.", "from 61% to 93%"],
    [
      "Sebelum inovasi, cakupan hanya 61% dari sasaran. Setelah inovasi berjalan dua tahun, cakupan mencapai 93%.",
      "61% … 93%",
    ],
    [
      "Semula antrean 350 pemohon per hari, kini 260 pemohon per hari.",
      "350 pemohon per hari … 260 pemohon per hari",
    ],
    ["Pada 2020 cakupan KTP-el lansia 61%, pada 2023 mencapai 93%.", "61% (2020) → 93% (2023)"],
  ])("finds the comparison in %j", (text, evidence) => {
    expect(run(ba, text)).toEqual({ present: true, evidence });
  });

  it.each([
    [
      "words without numbers",
      "Sebelum inovasi pelayanan lambat, sesudah inovasi pelayanan jauh lebih cepat.",
    ],
    ["a period of years", "Kegiatan dilaksanakan dari 2019 hingga 2021."],
    ["a date range", "Uji coba berlangsung dari 1 Januari hingga 31 Maret 2022."],
    ["a range of durations", "Proses memakan waktu dari 2 hingga 3 hari."],
    ["a timeline", "Tahapan: 2021 → 2023"],
  ])("does not take %s for a before/after comparison", (_why, text) => {
    expect(run(ba, text).present).toBe(false);
  });
});

describe("dates", () => {
  const dates: DetectorSpec = { kind: "dates" };
  it.each([
    ["Uji coba dimulai 12 Maret 2021.", "12 Maret 2021"],
    ["Tahap kedua: Agustus 2021–Desember 2022", "Agustus 2021"],
    ["Ditetapkan tanggal 12/03/2021", "12/03/2021"],
    ["Inovasi berjalan sejak 2021.", "2021"],
  ])("finds %j", (text, evidence) => {
    expect(run(dates, text)).toEqual({ present: true, evidence });
  });

  it.each([
    ["the year of a regulation", "Dasar hukumnya Perbup Nomor 12 Tahun 2021."],
    ["the year of a law cited with a slash", "sesuai UU 25/2009"],
    ["a count that looks like a year", "Sebanyak 2.021 orang dilayani."],
    ["no time at all", "Inovasi berjalan dengan baik sejak lama."],
  ])("ignores %s", (_why, text) => {
    expect(run(dates, text).present).toBe(false);
  });
});

describe("legalBasis", () => {
  const legal: DetectorSpec = { kind: "legalBasis" };
  it.each([
    [
      "ditetapkan dengan Peraturan Bupati Banyumas Nomor 45 Tahun 2022 tentang",
      "Peraturan Bupati Banyumas Nomor 45 Tahun 2022",
    ],
    ["diatur dalam Perwal No. 7 Tahun 2020.", "Perwal No. 7 Tahun 2020"],
    ["Tim ditetapkan dengan SK Kepala Dinas Nomor 12 Tahun 2021.", "SK Kepala Dinas Nomor 12 Tahun 2021"],
    ["sesuai Surat Edaran Bupati tahun 2022", "Surat Edaran"],
    ["Perda Nomor 3 Tahun 2020 tentang pelayanan publik", "Perda Nomor 3 Tahun 2020"],
  ])("finds the regulation in %j", (text, evidence) => {
    expect(run(legal, text)).toEqual({ present: true, evidence });
  });

  it.each([
    ["a vague reference", "dilaksanakan sesuai peraturan yang berlaku"],
    ["a regulation that does not exist yet", "Saat ini belum ada Perbup yang mengatur layanan ini."],
    ["a hope for one", "Ke depan kami berharap ada peraturan yang mengatur."],
    ["'keputusan' in its everyday sense", "pengambilan keputusan dilakukan bersama"],
    ["lower-case 'sk' in running text", "tim sk dan lain-lain"],
    ["a decree that cannot be identified (no number, no year)", "Tim ditetapkan dengan SK Kepala Dinas."],
    [
      "a national law every unit follows",
      "berdasarkan UU Nomor 25 Tahun 2009 dan Permendagri Nomor 108 Tahun 2019",
    ],
  ])("does not count %s", (_why, text) => {
    expect(run(legal, text).present).toBe(false);
  });
});

describe("budget", () => {
  const budget: DetectorSpec = { kind: "budget" };
  it.each([
    "dibiayai APBD Kabupaten Banyumas",
    "transportasi kader dari dana desa",
    "didukung CSR Bank Jateng",
    "dilaksanakan secara swadaya oleh warga",
    "pendapatan BLUD Puskesmas",
  ])("finds the source in %j", (text) => {
    expect(run(budget, text).present).toBe(true);
  });

  it.each([
    "Pembiayaan kegiatan ditanggung oleh Dinas.",
    "Biaya tidak membebani masyarakat.",
    "bos saya setuju",
    "biaya Rp 185 juta per tahun",
    "didukung anggaran yang memadai",
    "Anggaran menyesuaikan.",
  ])("finds no budget source in %j", (text) => {
    expect(run(budget, text).present).toBe(false);
  });
});

describe("stakeholders", () => {
  const st: DetectorSpec = { kind: "stakeholders" };
  it("needs two distinct kinds of stakeholder and quotes them", () => {
    expect(run(st, "Pendataan oleh kader posyandu dan ketua RT.")).toEqual({
      present: true,
      evidence: "kader posyandu, ketua RT",
    });
    expect(run(st, "bekerja sama dengan Universitas Jenderal Soedirman dan pihak swasta").present).toBe(true);
  });

  it.each([
    ["one stakeholder named in two words", "Pendataan dilakukan oleh kader posyandu."],
    ["an official car and social media", "Petugas memakai mobil dinas dan mengumumkan lewat media sosial."],
    ["staff only", "Seluruh petugas bekerja dengan penuh semangat."],
  ])("does not count %s", (_why, text) => {
    expect(run(st, text).present).toBe(false);
  });
});

describe("replication", () => {
  const rep: DetectorSpec = { kind: "replication" };
  it.each([
    "SI JEMPOL sudah direplikasi oleh Dinas Kabupaten Cilacap sejak 2022.",
    "Model ini telah diadopsi oleh Puskesmas Kembaran.",
    "Layanan yang sama diterapkan di Kabupaten Purbalingga.",
    "Inovasi ini tidak hanya direplikasi di Cilacap.",
  ])("finds evidence in %j and quotes the sentence", (text) => {
    expect(run(rep, text)).toEqual({ present: true, evidence: text });
  });

  it.each([
    ["a claim it is easy", "Inovasi ini sangat mudah direplikasi oleh daerah lain."],
    ["a hope", "Kami berharap inovasi ini diharapkan dapat ditiru daerah lain."],
    ["a potential", "Inovasi ini berpotensi diadopsi instansi lain."],
    ["a denial", "Inovasi ini belum pernah direplikasi."],
    ["a longer denial", "Sampai sekarang tidak ada daerah lain yang meniru."],
    ["a denial after the word", "Replikasi inovasi belum dilakukan karena keterbatasan anggaran."],
    ["a study visit", "Enam kabupaten melakukan studi banding ke Banyumas."],
  ])("does not take %s as evidence", (_why, text) => {
    expect(run(rep, text).present).toBe(false);
  });
});

describe("evaluation", () => {
  const external: DetectorSpec = { kind: "evaluation", external: true };
  const any: DetectorSpec = { kind: "evaluation", external: false };

  it.each([
    "Inspektorat Kabupaten melakukan evaluasi pada Juni 2022.",
    "Ombudsman RI Perwakilan Jawa Tengah menilai layanan ini patuh standar.",
    "Kajian Universitas Jenderal Soedirman terhadap 400 responden menunjukkan hasil baik.",
  ])("external: finds an outside evaluator in %j", (text) => {
    expect(run(external, text).present).toBe(true);
  });

  it("external: a university named for training is not an evaluation", () => {
    expect(
      run(external, "Kami bekerja sama dengan Universitas Jenderal Soedirman untuk pelatihan petugas.")
        .present,
    ).toBe(false);
  });

  it("external: a study visit by a university is not an evaluation", () => {
    expect(
      run(external, "Mahasiswa Universitas Diponegoro melakukan studi banding ke kantor kami.").present,
    ).toBe(false);
  });

  it("a satisfaction survey the unit runs itself is internal, not external", () => {
    const text = "Survei kepuasan masyarakat (SKM) naik menjadi 90,1.";
    expect(run(any, text).present).toBe(true);
    expect(run(external, text)).toMatchObject({ present: false, rejected: { reason: "internal_only" } });
  });

  it("internal evaluation satisfies a plain evaluation element but not an external one", () => {
    const text = "Setiap bulan dilakukan rapat evaluasi internal oleh Kepala Dinas.";
    expect(run(any, text).present).toBe(true);
    expect(run(external, text).present).toBe(false);
  });
});

describe("videoLink", () => {
  const video: DetectorSpec = { kind: "videoLink" };
  it.each([
    ["Video: https://youtu.be/abc123XYZ.", "https://youtu.be/abc123XYZ"],
    ["https://www.youtube.com/watch?v=abc123", "https://www.youtube.com/watch?v=abc123"],
    ["tautan www.youtube.com/watch?v=abc123", "www.youtube.com/watch?v=abc123"],
    ["https://drive.google.com/file/d/1AbC/view", "https://drive.google.com/file/d/1AbC/view"],
    [
      "unduh di https://dukcapil.example.go.id/video/jemput-bola.mp4",
      "https://dukcapil.example.go.id/video/jemput-bola.mp4",
    ],
  ])("finds the video link in %j", (text, evidence) => {
    expect(run(video, text)).toEqual({ present: true, evidence });
  });

  it.each(["Lihat https://dukcapil.banyumaskab.go.id", "Video ada di kanal YouTube Dinas."])(
    "finds no video link in %j",
    (text) => {
      expect(run(video, text).present).toBe(false);
    },
  );
});

describe("keywords", () => {
  const kw = (any: string[], minMatches = 1): DetectorSpec => ({ kind: "keywords", any, minMatches });

  it("ignores case and diacritics and quotes the text as written", () => {
    expect(run(kw(["evaluasi"]), "Hasil Évaluasi bulanan")).toEqual({ present: true, evidence: "Évaluasi" });
    expect(run(kw(["SOP"]), "ada sop layanan")).toEqual({ present: true, evidence: "sop" });
  });

  it("matches whole words only, allowing Indonesian clitics", () => {
    expect(run(kw(["SOP"]), "sopir ambulans siaga").present).toBe(false);
    expect(run(kw(["tujuan"]), "Tujuannya jelas")).toEqual({ present: true, evidence: "Tujuannya" });
  });

  it("matches a stem ending in * and phrases across line breaks", () => {
    expect(run(kw(["replikasi*"]), "akan kami replikasikan").present).toBe(true);
    expect(run(kw(["forum konsultasi publik"]), "melalui forum\nkonsultasi  publik")).toEqual({
      present: true,
      evidence: "forum\nkonsultasi  publik",
    });
  });

  it("counts distinct keywords towards minMatches, not repetitions", () => {
    expect(run(kw(["tahap", "langkah"], 2), "tahap satu, tahap dua, tahap tiga").present).toBe(false);
    expect(run(kw(["tahap", "langkah"], 2), "tahap satu, langkah dua").present).toBe(true);
  });

  it("counts a keyword nested in a longer one once", () => {
    const words = ["maklumat pelayanan", "maklumat"];
    expect(run(kw(words, 2), "Maklumat pelayanan dipasang di loket.").present).toBe(false);
    expect(run(kw(words, 1), "Maklumat pelayanan dipasang di loket.")).toEqual({
      present: true,
      evidence: "Maklumat pelayanan",
    });
  });
});
