import { describe, expect, it } from "vitest";
import { findSmsAbbreviations } from "../../../src/core/completeness/detectAbbreviations.ts";
import { findUnexplainedAcronyms } from "../../../src/core/completeness/detectAcronyms.ts";
import { detectForeignLanguage } from "../../../src/core/completeness/detectLanguage.ts";
import { isPadded } from "../../../src/core/completeness/detectPadding.ts";
import { findVagueClaims } from "../../../src/core/completeness/detectVagueClaims.ts";

describe("detectForeignLanguage (franc)", () => {
  it("flags a section written in English", () => {
    const text =
      "Before the innovation, elderly citizens had to travel to the district office to record their ID cards. Now our officers visit them at home, and coverage rose from 61% to 93% within three years.";
    expect(detectForeignLanguage(text)?.name.id).toBe("bahasa Inggris");
  });

  it.each([
    "Sebelum inovasi, lansia harus datang ke kantor Dinas untuk merekam KTP-el. Sekarang petugas datang ke rumah, dan cakupan naik dari 61% menjadi 93% dalam tiga tahun.",
    "Aplikasi ini memakai dashboard online dan fitur tracking, sehingga petugas dapat memantau status permohonan warga secara real time setiap hari kerja.",
    "Pelayanan yg cepat dgn aplikasi krn tdk perlu antri di kantor camat lagi, warga cukup kirim berkas lewat WhatsApp dan petugas memeriksa berkasnya.",
  ])("leaves Indonesian alone, English terms and chat style included: %j", (text) => {
    expect(detectForeignLanguage(text)).toBeUndefined();
  });

  it("does not guess on a short answer", () => {
    expect(detectForeignLanguage("Coverage rose to 93%.")).toBeUndefined();
  });
});

describe("style notes", () => {
  it("lists SMS abbreviations when there are several", () => {
    expect(findSmsAbbreviations("Layanan yg cepat dgn biaya murah krn tdk perlu antre.")).toEqual([
      "yg",
      "dgn",
      "krn",
      "tdk",
    ]);
    expect(findSmsAbbreviations("Jadwal: tgl 5 setiap bulan.")).toEqual([]);
  });

  it("lists acronyms that are neither well known nor spelled out", () => {
    expect(findUnexplainedAcronyms("Data dikirim lewat SID dan diverifikasi oleh PPK.")).toEqual([
      "SID",
      "PPK",
    ]);
    expect(findUnexplainedAcronyms("Sistem Informasi Desa (SID) dipakai oleh OPD dan RSUD.")).toEqual([]);
    expect(findUnexplainedAcronyms("Inovasi SI JEMPOL dijalankan Dukcapil sesuai SOP.")).toEqual([]);
  });

  it("quotes flowery claims and comparisons without a figure, not measured ones", () => {
    const claims = findVagueClaims(
      "Inovasi ini revolusioner dan satu-satunya di Indonesia. Layanan menjadi lebih cepat, mudah, dan murah. Waktu layanan lebih cepat 40 menit.",
    );
    expect(claims.map((c) => c.quote)).toEqual(["revolusioner", "lebih cepat, mudah, dan murah"]);
  });

  it("calls a long answer without figures, names or dates padding", () => {
    const padded =
      "Inovasi ini sangat bermanfaat bagi masyarakat dan memberikan dampak yang baik bagi pelayanan publik. ".repeat(
        8,
      );
    expect(isPadded(padded)).toBe(true);
    const factual = `${padded} Sejak Maret 2021, 16.420 warga Kecamatan Lumbir dan Gumelar dilayani, cakupan naik dari 61% menjadi 93%.`;
    expect(isPadded(factual)).toBe(false);
    expect(isPadded("Inovasi ini sangat bermanfaat bagi masyarakat.")).toBe(false);
  });
});
