import { describe, expect, it } from "vitest";
import { notDoneAt } from "../../../src/core/completeness/statedAsDone.ts";

/** The verdict on the word between brackets. */
function verdict(marked: string) {
  const start = marked.indexOf("[");
  const end = marked.indexOf("]") - 1;
  const text = marked.replace("[", "").replace("]", "");
  return notDoneAt(text, start, end);
}

describe("notDoneAt: plans, drafts, intentions and negations are absence", () => {
  it.each([
    ["Saat ini rancangan [Perbup] sedang disusun.", "plan"],
    ["Anggaran akan diusulkan dalam [APBD] tahun depan.", "plan"],
    ["Ke depan [SOP] akan ditetapkan Kepala Dinas.", "plan"],
    ["[SOP] layanan masih dalam proses penyusunan.", "plan"],
    ["Draf [Perwako] telah diajukan ke Bagian Hukum.", "plan"],
    ["Saat ini belum ada [anggaran] khusus.", "negation"],
    ["Inovasi ini tidak memiliki [SOP].", "negation"],
    ["[Perbup] belum ditetapkan sampai sekarang.", "negation"],
  ])("%j is %s", (text, why) => {
    expect(verdict(text)).toBe(why);
  });

  it.each([
    "Inovasi ditetapkan dengan [Perbup] Nomor 5 Tahun 2022, dan akan diperbarui pada 2025.",
    "Biaya dibiayai [APBD] sejak 2022.",
    "Layanan tidak hanya dibiayai [APBD] tetapi juga CSR Bank Jateng.",
    "Rancangan sudah selesai. [SOP] ditetapkan Kepala Dinas pada 2021.",
    "Perbup ditetapkan 2022, sedangkan [SOP] ditetapkan 2021.",
  ])("%j is stated as done", (text) => {
    expect(verdict(text)).toBeUndefined();
  });
});
