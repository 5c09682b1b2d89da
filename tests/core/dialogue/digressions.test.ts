import { describe, expect, it } from "vitest";
import { EngineChat } from "./engineHarness.ts";

function writing(): EngineChat {
  const chat = new EngineChat();
  chat.press("sec:signifikansi");
  chat.say("Kami membuka layanan jemput bola ke desa setiap Selasa dan Kamis sejak 2021.");
  return chat;
}

describe("messages typed while a section is open", () => {
  it("a question about the section is answered, not added, and the user is led back with the word count", () => {
    const chat = writing();
    const before = [...chat.buffer()];
    const out = chat.say("apa maksud nilai tambah?");
    expect(chat.buffer()).toEqual(before);
    expect(out).toContain("tidak saya masukkan ke jawaban");
    expect(out).toContain("Pertanyaan pemandu:");
    expect(out).toMatch(/Kembali ke Signifikansi \(13 kata tertulis\)/);
    expect(chat.last.effects).toEqual([]);
  });

  it("a drafting passage that asks and answers its own question is added", () => {
    const chat = writing();
    const out = chat.say("Apa yang kami lakukan? Kami membuka layanan jemput bola ke balai desa.");
    expect(chat.buffer()).toHaveLength(2);
    expect(out).toMatch(/\(\d+ kata\) Lanjutkan/);
  });

  it("a greeting gets a greeting back and the section again", () => {
    const chat = writing();
    const out = chat.say("halo");
    expect(out).toContain("Halo juga");
    expect(out).not.toContain("Selamat datang di Klinik Inovasi");
    expect(chat.buffer()).toHaveLength(1);
    expect(out).toContain("Kembali ke Signifikansi");
  });

  it("a request for status or scores in words is handed to the app's command, and the section resumes", () => {
    const chat = writing();
    chat.say("bagaimana status proposal saya?");
    expect(chat.last.redirect).toEqual({ command: "status" });
    expect(chat.buffer()).toHaveLength(1);
    chat.say("berapa nilai kami?");
    expect(chat.last.redirect).toEqual({ command: "nilai" });
    chat.say("tolong ekspor proposal saya");
    expect(chat.last.redirect).toEqual({ command: "ekspor" });
    expect(chat.buffer()).toHaveLength(1);
  });

  it("a command in words runs the command", () => {
    const chat = writing();
    const out = chat.say("lihat draf saya");
    expect(out).toContain("Kami membuka layanan jemput bola");
    expect(chat.buffer()).toHaveLength(1);
    expect(chat.say("bantuan")).toContain("Perintah yang tersedia");
    expect(chat.buffer()).toHaveLength(1);
  });

  it("when unsure it asks, and either choice keeps the text: added, or answered as a question", () => {
    const chat = writing();
    const asked = chat.say("Inovasi kami?");
    expect(asked).toContain("bagian dari jawaban, atau pertanyaan");
    expect(chat.choices()).toEqual(["Tambahkan ke jawaban", "Ini pertanyaan"]);
    expect(chat.buffer()).toHaveLength(1);
    chat.press("digress:add");
    expect(chat.buffer()).toEqual([expect.any(String), "Inovasi kami?"]);

    chat.say("ya");
    const answered = chat.press("digress:ask");
    expect(answered).toContain("Pertanyaan pemandu:");
    expect(chat.buffer()).toHaveLength(2);
  });

  it("a held message the user writes past joins the answer instead of vanishing", () => {
    const chat = writing();
    chat.say("tes");
    chat.say("Waktu layanan turun dari 14 hari menjadi 2 hari.");
    expect(chat.buffer()).toEqual([
      expect.any(String),
      "tes",
      "Waktu layanan turun dari 14 hari menjadi 2 hari.",
    ]);
  });

  it("the model's reading, when given, wins over the rules", () => {
    const chat = writing();
    chat.send({ text: "Layanan ini untuk lansia", intent: "question" });
    expect(chat.buffer()).toHaveLength(1);
    chat.send({ text: "apa maksud nilai tambah?", intent: "draft" });
    expect(chat.buffer()).toHaveLength(2);
  });

  it("after a review, a greeting or a question is answered rather than held as a revision", () => {
    const chat = writing();
    chat.say("selesai");
    expect(chat.state.step.kind).toBe("reviewed");
    const out = chat.say("apa maksud nilai tambah?");
    expect(out).toContain("Pertanyaan pemandu:");
    expect(chat.state.step).toEqual({ kind: "reviewed", sectionKey: "signifikansi" });
  });
});
