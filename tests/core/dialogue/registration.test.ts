import { describe, expect, it } from "vitest";
import type { Effect } from "../../../src/core/dialogue/turnTypes.ts";
import { EngineChat, KIPP, PEKPPP } from "./engineHarness.ts";

function registering(template = KIPP): EngineChat {
  const chat = new EngineChat(template, { state: { proposalId: undefined } });
  chat.hasProposal = false;
  chat.say("/mulai");
  chat.press("new");
  return chat;
}

function created(chat: EngineChat): Extract<Effect, { kind: "createProposal" }> | undefined {
  return chat.last.effects.find((e) => e.kind === "createProposal") as
    | Extract<Effect, { kind: "createProposal" }>
    | undefined;
}

describe("registering a proposal asks what the template lists", () => {
  it("KIPP: unit, instansi, group, category, then title and start year", () => {
    const chat = registering();
    chat.say("Puskesmas Sukamaju");
    chat.say("Pemerintah Kabupaten Banyumas");
    if (chat.state.step.kind === "newProposal" && chat.state.step.field === "group") chat.press("grp:umum");
    chat.press(chat.last.replies.at(-1)!.choices![0]!.id);
    expect(chat.say("")).toContain("Pesannya kosong");
    const asked = chat.last.replies.at(-1)!;
    expect(asked.text.join("")).toContain("Apa judul inovasi ini?");
    chat.say("Jemput Bola Lansia");
    expect(chat.last.replies.at(-1)!.text.join("")).toContain("Sejak tahun berapa");
    expect(chat.say("dua ribu")).toContain("Tahun mulai perlu ditulis sebagai tahun dengan 4 angka");
    chat.say("2019");
    expect(created(chat)).toMatchObject({
      title: "Jemput Bola Lansia",
      startYear: 2019,
      unit: "Puskesmas Sukamaju",
    });
  });

  it("PEKPPP: unit, evaluation period and service type; no innovation title or start year", () => {
    const chat = registering(PEKPPP);
    chat.say("Dukcapil Kabupaten Sleman");
    chat.say("Pemerintah Kabupaten Sleman");
    const group = chat.say("x");
    expect(group).toContain("Silakan pilih salah satu");
    chat.press("grp:nasional");
    const asked = chat.last.replies.map((r) => r.text.join("")).join("\n");
    expect(asked).toContain("Periode evaluasi yang dinilai?");
    expect(asked).not.toMatch(/Judul inovasi|Sejak tahun berapa/);
    chat.say("Tahun 2025");
    expect(chat.last.replies.at(-1)!.text.join("")).toContain("Jenis layanan yang dievaluasi?");
    chat.say("Layanan administrasi kependudukan");
    expect(created(chat)).toMatchObject({
      title: "Layanan administrasi kependudukan (Tahun 2025)",
      startYear: null,
    });
  });

  it.each([
    ["unit", "x", "Nama unit terlalu pendek. Tulis nama lengkapnya, misalnya Puskesmas Sukamaju."],
    ["unit", "123", "Nama unit perlu berupa nama, bukan angka saja"],
    ["instansi", "20", "Nama instansi perlu berupa nama, bukan angka saja"],
  ])("a bad %s (%j) is refused with what was wrong, and asked again", (field, text, problem) => {
    const chat = registering();
    if (field === "instansi") chat.say("Puskesmas Sukamaju");
    const out = chat.say(text);
    expect(out).toContain(problem);
    expect(chat.state.step).toMatchObject({ kind: "newProposal", field });
  });
});

describe("wording", () => {
  it("/riwayat labels are not numbered by the engine and their word count says kata", () => {
    const chat = new EngineChat(undefined, { texts: { ringkasan: "Teks ringkasan." } });
    chat.state.sectionKey = "ringkasan";
    chat.send({ text: "/riwayat" });
    // Without revisions in the context the bot says there are none; give it two.
    const ctx = chat.ctx();
    ctx.revisions = [
      {
        id: "r2",
        text: "Teks ringkasan kedua yang lebih baru.",
        createdAt: new Date("2026-11-21T03:00:00Z"),
      },
      { id: "r1", text: "Teks lama.", createdAt: new Date("2026-11-20T03:00:00Z") },
    ];
    chat.ctx = () => ctx;
    chat.send({ text: "/riwayat" });
    const labels = chat.choices();
    expect(labels[0]).toMatch(/^\d+ \w+ 2026 \d\d[.:]\d\d · 6 kata · Teks ringkasan kedua/);
    expect(labels.every((l) => !/^\d+\. /.test(l))).toBe(true);
  });

  it("a too-short answer says so once, not again in its tip", () => {
    const chat = new EngineChat();
    chat.press("sec:signifikansi");
    chat.say("ok bagus");
    chat.press("digress:add");
    const out = chat.say("selesai");
    expect(out.match(/terlalu singkat/g)).toHaveLength(1);
  });
});
