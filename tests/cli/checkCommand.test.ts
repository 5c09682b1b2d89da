import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";

/** Runs `klinik check …` with the given stdin lines; no database is involved. */
async function klinik(argv: string[], input: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  async function* lines() {
    yield* input;
  }
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {}, stdin: lines() };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const json = (o: unknown) => JSON.stringify(o);

describe("klinik check --jsonl", () => {
  it("writes one result per input line, in order, with the stable shape", async () => {
    const r = await klinik(
      ["check", "--template", "kipp-2023-umum", "--jsonl"],
      [
        json({
          section: "keberlanjutan",
          text: "Inovasi ditetapkan dengan Perbup Banyumas Nomor 45 Tahun 2022. SOP ditetapkan Kepala Dinas pada 2021. Biaya masuk DPA Dinas yang dibiayai APBD setiap tahun. Kader posyandu dan pemerintah desa melaporkan warga yang perlu didatangi.",
        }),
        "not json",
        json({ section: "ringkasan", text: "Belum ada." }),
        json({ section: "nope", text: "x" }),
      ],
    );
    expect(r.code).toBe(0);
    const lines = r.out.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      section: "keberlanjutan",
      complete: true,
      words: 34,
      elements: [
        { key: "dasar_hukum", present: true, evidence: "Perbup Banyumas Nomor 45 Tahun 2022" },
        { key: "sop", present: true, evidence: "SOP" },
        { key: "anggaran_rutin", present: true, evidence: expect.stringContaining("DPA Dinas") },
        { key: "dukungan_sosial", present: true, evidence: expect.stringContaining("Kader posyandu") },
      ],
      throwaway: false,
      warnings: [expect.objectContaining({ kind: "length_guidance" })],
    });
    expect(lines[1]).toEqual({ error: "line 2: not JSON" });
    expect(lines[2]).toMatchObject({ section: "ringkasan", complete: false, throwaway: "nothing_yet" });
    expect(lines[3]).toEqual({ error: 'line 4: unknown section "nope"' });
  });

  it("checks lines sharing a proposal id together, after all of them are read, keeping the input order", async () => {
    const para =
      "Tim inovasi yang terdiri dari 6 petugas Dinas menjalankan layanan dua kali seminggu, dengan data sasaran dari kader posyandu dan ketua RT di setiap desa.";
    const r = await klinik(
      ["check", "--template", "kipp-2023-umum", "--jsonl"],
      [
        json({
          section: "implementasi",
          text: `Tahap I Januari 2021, Tahap II Maret 2021.\n\n${para}`,
          proposal: "p1",
        }),
        json({ section: "ringkasan", text: "Belum ada." }),
        json({ section: "sumber_daya", text: `Anggaran dari APBD 2022.\n\n${para}`, proposal: "p1" }),
      ],
    );
    const lines = r.out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.section)).toEqual(["implementasi", "ringkasan", "sumber_daya"]);
    const kinds = (i: number) => lines[i].warnings.map((w: { kind: string }) => w.kind);
    expect(kinds(0)).not.toContain("consistency_pasted");
    expect(kinds(2)).toContain("consistency_pasted");
  });

  it("gives the warnings in English with --lang en", async () => {
    const r = await klinik(
      ["check", "--template", "kipp-2023-umum", "--jsonl", "--lang", "en"],
      [
        json({
          section: "ringkasan",
          text: "Layanan yg cepat dgn biaya murah krn tdk perlu antre lagi di kantor sejak 2021.",
        }),
      ],
    );
    const [line] = r.out.map((l) => JSON.parse(l));
    expect(line.warnings.find((w: { kind: string }) => w.kind === "abbreviation").text).toMatch(
      /^✏️ Style: abbreviations/,
    );
  });

  it("refuses an unknown template with the known ones named", async () => {
    const r = await klinik(["check", "--template", "kipp-1999", "--jsonl"]);
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toMatch(/unknown template "kipp-1999" \(known: .*kipp-2023-umum/);
  });
});

describe("klinik check <file>", () => {
  it("prints the /cek view of a whole draft, section by section", async () => {
    const dir = mkdtempSync(join(tmpdir(), "klinik-check-"));
    const file = join(dir, "draft.txt");
    writeFileSync(
      file,
      [
        "Ringkasan",
        "Lansia di Kabupaten Banyumas sulit merekam KTP-el karena perekaman hanya di kantor Dinas. Sejak Maret 2021 petugas datang ke rumah. Cakupan naik dari 61% menjadi 93%.",
        "",
        "Strategi Keberlanjutan",
        "Saat ini rancangan Perbup sedang disusun dan anggaran akan diusulkan dalam APBD tahun depan.",
      ].join("\n"),
    );
    const r = await klinik(["check", file, "--template", "kipp-2023-umum"]);
    expect(r.code).toBe(0);
    const shown = r.out.join("\n");
    expect(shown).toContain("Pemeriksaan proposal draft.txt");
    expect(shown).toMatch(/Ringkasan · \d+\/200 kata · ✅ lengkap/);
    expect(shown).toContain("“Saat ini rancangan Perbup sedang disusun");
    expect(shown).toContain("masih berupa rencana");
  });
});
