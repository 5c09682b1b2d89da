import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkProposal } from "../../../src/core/completeness/checkProposal.ts";
import { renderSectionCheck } from "../../../src/core/dialogue/renderCheck.ts";
import { dialogueTexts } from "../../../src/core/i18n/dialogueTexts.ts";
import { plainText } from "../../../src/core/messages.ts";
import { KIPP, kippSection } from "./kippFixtures.ts";

/** A concise, complete KIPP draft: 39–84 words a section, every element stated as done. */
const concise = Object.fromEntries(
  KIPP.sections.map((s) => [
    s.key,
    readFileSync(`tests/fixtures/kipp-2023-umum/concise/${s.key}.txt`, "utf8"),
  ]),
);

/** The same draft as a reviewer must not pass: plans for facts, an audit only, study visits. */
const weak = {
  ...concise,
  signifikansi: concise.signifikansi!.replace(/Evaluasi internal dilakukan[^\n]*\n\n/u, ""),
  adaptabilitas:
    "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Cilacap dan Kabupaten Purbalingga telah melakukan studi banding ke Banyumas pada 2022 dan tertarik meniru inovasi ini. Penerapannya hanya membutuhkan satu perangkat perekaman portabel, satu kendaraan, SOP jemput bola, dan data sasaran dari kader posyandu.",
  sumber_daya:
    "Layanan dijalankan oleh 6 petugas Dinas dan 120 kader posyandu yang mendata sasaran. Sarana yang dipakai: 1 mobil perekaman dan 2 perangkat perekaman portabel. Anggaran operasional akan diusulkan dalam APBD tahun depan.",
  keberlanjutan:
    "Rancangan Perbup tentang layanan jemput bola sedang disusun oleh Bagian Hukum. SOP akan disusun setelah Perbup ditetapkan. Saat ini belum ada anggaran khusus; biaya operasional akan diusulkan dalam APBD 2025. Kader posyandu, ketua RT, dan pemerintah desa terus melaporkan warga yang perlu didatangi.",
};

describe("a reviewer's reading of a KIPP draft", () => {
  it("marks every section of the concise, complete draft lengkap, whatever the word guidance says", () => {
    const check = checkProposal(KIPP, concise, { startYear: 2021 });
    for (const s of check.sections) {
      expect([s.sectionKey, s.mark]).toEqual([s.sectionKey, "complete"]);
      expect(s.words).toBeLessThan(kippSection(s.sectionKey).minWords + 80);
    }
    expect(check.readiness).toBe(100);
    expect(check.consistency).toEqual([]);
    const t = dialogueTexts("id");
    const shown = plainText(renderSectionCheck(kippSection("latar_belakang"), check.sections[1]!, t, "id"));
    expect(shown).toContain("✅ lengkap");
    expect(shown).toContain("panduan pendampingan 150–700 kata (bukan batas resmi");
  });

  it("does not pass plans, an outside audit alone or study visits, and says what would count", () => {
    const check = checkProposal(KIPP, weak, { startYear: 2021 });
    const by = Object.fromEntries(check.sections.map((s) => [s.sectionKey, s]));
    const missing = (key: string) =>
      Object.fromEntries(by[key]!.elements.filter((e) => !e.present).map((e) => [e.key, e.note?.id ?? ""]));

    expect(by.signifikansi?.mark).toBe("incomplete");
    expect(missing("signifikansi")).toEqual({
      evaluasi_internal: expect.stringMatching(
        /Inspektorat.*evaluasi oleh pihak luar.*Yang dihitung: evaluasi yang dilakukan unit sendiri/su,
      ),
    });

    expect(by.adaptabilitas?.mark).toBe("incomplete");
    const adapt = missing("adaptabilitas");
    expect(Object.keys(adapt)).toEqual(["bukti_replikasi", "skala_replikasi"]);
    expect(adapt.bukti_replikasi).toMatch(
      /studi banding.*baru berupa kunjungan atau minat.*Yang dihitung: unit atau daerah lain yang sudah menerapkan/su,
    );

    expect(by.sumber_daya?.mark).toBe("incomplete");
    expect(missing("sumber_daya").anggaran).toMatch(
      /akan diusulkan dalam APBD tahun depan” masih berupa rencana.*Yang dihitung: anggaran yang sudah dialokasikan/su,
    );

    expect(by.keberlanjutan?.mark).toBe("incomplete");
    const keb = missing("keberlanjutan");
    expect(Object.keys(keb)).toEqual(["dasar_hukum", "sop", "anggaran_rutin"]);
    expect(keb.dasar_hukum).toMatch(/Rancangan Perbup.*masih berupa rencana.*Perbup Nomor 12 Tahun 2021/su);
    expect(keb.sop).toMatch(/SOP akan disusun.*masih berupa rencana/su);
    expect(keb.anggaran_rutin).toMatch(
      /akan diusulkan dalam APBD 2025” masih berupa rencana.*Yang dihitung: anggaran yang sudah dialokasikan/su,
    );

    // what the innovator reads after "selesai": the reason and the example, then the tip
    const shown = plainText(
      renderSectionCheck(kippSection("keberlanjutan"), by.keberlanjutan!, dialogueTexts("id"), "id"),
    );
    expect(shown).toContain("⚠️ belum lengkap");
    expect(shown).toMatch(/⚠️ Dasar hukum[^\n]*\n {3}“Rancangan Perbup[^\n]*masih berupa rencana/u);
    expect(check.readiness).toBeLessThan(100);
  });
});
