import { describe, expect, it } from "vitest";
import { EngineChat } from "./engineHarness.ts";

const PARA =
  "Sebelum inovasi, warga menempuh 40 km ke kantor dinas dan menunggu rata-rata 3 jam. Sesudah layanan jemput bola berjalan sejak 2021, waktu layanan turun menjadi 20 menit.";

function writing(): EngineChat {
  const chat = new EngineChat();
  chat.press("sec:signifikansi");
  chat.say(PARA);
  return chat;
}

describe("marks and counts of the answer being written", () => {
  it("/cek counts the text being written instead of showing the section empty", () => {
    const chat = writing();
    const out = chat.say("/cek");
    const line = out.split("\n").find((l) => l.includes("Signifikansi"))!;
    expect(line).not.toContain("⬜");
    expect(line).toContain("⚠️");
  });

  it("/lihat shows what is being written, with its word count, not the saved text", () => {
    const chat = new EngineChat(undefined, { texts: { signifikansi: "Teks lama yang tersimpan." } });
    chat.press("sec:signifikansi");
    chat.press("revise");
    chat.say(PARA);
    const out = chat.say("/lihat");
    expect(out).toContain("sedang ditulis");
    expect(out).toContain("waktu layanan turun menjadi 20 menit");
    expect(out).not.toContain("Teks lama yang tersimpan");
    expect(chat.buffer()).toHaveLength(1);
  });

  it("leaving a section through /bagian saves it and shows its check", () => {
    const chat = writing();
    chat.say("/bagian");
    const out = chat.press("sec:kebaruan");
    expect(out).toMatch(/Signifikansi · \d+ kata · ⚠️ belum lengkap/);
    expect(out).toContain("Tip:");
    expect(chat.last.effects.map((e) => e.kind)).toEqual(["saveSection", "sectionChecked"]);
    expect(chat.texts.signifikansi).toBe(PARA);
  });
});
