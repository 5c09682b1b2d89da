import { describe, expect, it } from "vitest";
import { inferKind, isSentence } from "../../../src/core/tickets/inferKind.ts";
import { bestMatch, tokenize } from "../../../src/core/tickets/similarity.ts";
import { addWorkingHours, workingHoursBetween } from "../../../src/core/tickets/workingHours.ts";

const JKT = "Asia/Jakarta";
const wib = (iso: string) => new Date(`${iso}+07:00`);

describe("working hours (Mon–Fri 08:00–16:00 in the competition's zone)", () => {
  it.each([
    ["Monday 09:00 + 24 h → Thursday 09:00", "2026-11-23T09:00", 24, "2026-11-26T09:00"],
    ["Friday 15:00 + 2 h → Monday 09:00", "2026-11-27T15:00", 2, "2026-11-30T09:00"],
    ["Saturday + 1 h → Monday 09:00", "2026-11-28T11:00", 1, "2026-11-30T09:00"],
    ["before opening counts from 08:00", "2026-11-24T06:30", 8, "2026-11-24T16:00"],
    ["after closing counts from the next morning", "2026-11-24T18:00", 1, "2026-11-25T09:00"],
  ])("%s", (_, from, hours, to) => {
    expect(addWorkingHours(wib(from), hours, JKT).toISOString()).toBe(wib(to).toISOString());
  });

  it("counts working hours between two instants, and agrees with adding them", () => {
    expect(workingHoursBetween(wib("2026-11-22T10:00"), wib("2026-11-25T10:00"), JKT)).toBe(18);
    expect(workingHoursBetween(wib("2026-11-27T15:00"), wib("2026-11-30T09:00"), JKT)).toBe(2);
    expect(workingHoursBetween(wib("2026-11-25T10:00"), wib("2026-11-22T10:00"), JKT)).toBe(0);
    const start = wib("2026-11-26T13:17");
    expect(workingHoursBetween(start, addWorkingHours(start, 24, JKT), JKT)).toBeCloseTo(24, 6);
  });

  it("follows the competition's zone (08:00 WITA is 07:00 WIB)", () => {
    expect(addWorkingHours(wib("2026-11-24T06:00"), 1, "Asia/Makassar").toISOString()).toBe(
      wib("2026-11-24T08:00").toISOString(),
    );
  });
});

describe("matching a question to saved answers", () => {
  const saved = [
    { q: "Kapan pengumuman hasil verifikasi administrasi?" },
    { q: "Berapa batas kata ringkasan proposal?" },
  ];
  it("finds the saved question phrased differently, and nothing for an unrelated one", () => {
    expect(bestMatch("hasil verifikasi administrasinya diumumkan kapan ya?", saved, (s) => s.q)?.item).toBe(
      saved[0],
    );
    expect(bestMatch("Ringkasan proposal dibatasi berapa kata?", saved, (s) => s.q)?.item).toBe(saved[1]);
    expect(bestMatch("Bagaimana cara mengunggah video?", saved, (s) => s.q)).toBeUndefined();
    expect(bestMatch("halo pak", saved, (s) => s.q)).toBeUndefined();
  });
  it("drops function words and affixes", () => {
    expect(tokenize("Kapan pengumumannya, Bapak?")).toEqual(["umum"]);
  });
});

describe("ticket kinds and appeal reasons", () => {
  it.each([
    ["Kenapa nilai kebaruan kami rendah?", "nilai"],
    ["Tidak bisa unggah berkas ke SINOVIK", "teknis"],
    ["Kapan pengumuman Top 99?", "status"],
    ["Boleh minta nomor telepon panitia?", "lainnya"],
  ])("%s → %s", (text, kind) => expect(inferKind(text)).toBe(kind));
  it("needs at least a sentence for an appeal", () => {
    expect(isSentence("tidak adil")).toBe(false);
    expect(isSentence("Data kebaruan kami sudah lengkap tetapi tidak dinilai oleh juri.")).toBe(true);
  });
});
