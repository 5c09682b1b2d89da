import { describe, expect, it } from "vitest";
import { advance, contextNeeds } from "../../../src/core/dialogue/advance.ts";
import { type DialogueState, initialState } from "../../../src/core/dialogue/dialogueState.ts";
import type { TurnContext } from "../../../src/core/dialogue/turnTypes.ts";
import { plainText } from "../../../src/core/messages.ts";
import { loadTemplateFile } from "../../../src/core/templates/loadTemplates.ts";

const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");
const now = new Date("2026-11-22T03:00:00Z");

function ctx(over: Partial<TurnContext> = {}): TurnContext {
  return {
    now,
    locale: "id",
    timezone: "Asia/Jakarta",
    contactName: "Ani",
    competitions: [
      {
        id: "c1",
        name: "KIPP 2027",
        template: KIPP,
        isOpen: true,
        deadline: new Date("2027-05-31T16:59:00Z"),
      },
    ],
    proposals: [
      { id: "p1", code: "KP-TEST", title: "Inovasi Uji", unitName: "Unit Uji", competitionId: "c1" },
    ],
    texts: {},
    fresh: { proposalId: "p2", code: "KP-NEW1" },
    ...over,
  };
}
const active: DialogueState = { ...initialState(), welcomed: true, proposalId: "p1" };
const text = (r: ReturnType<typeof advance>) => r.replies.map((m) => plainText(m.text)).join("\n---\n");

describe("upload checklist in the pure engine", () => {
  it("asks the app for the checklist's facts only for /cek, /siap (/ready), /lihat and /video", () => {
    for (const cmd of ["/cek", "/siap", "/ready", "/lihat", "/video x"])
      expect(contextNeeds(active, { text: cmd }).upload, cmd).toBe(true);
    // /cek also reads the released scores (issue 20: scores feed the coaching).
    expect(contextNeeds(active, { text: "/cek" })).toEqual({ upload: true, scores: true });
    for (const other of ["/bagian", "halo", "selesai"])
      expect(contextNeeds(active, { text: other }).upload).toBeUndefined();
    // "Next section" is pressed all the time: it never loads the competition's titles.
    const reviewed: DialogueState = {
      ...active,
      step: { kind: "reviewed", sectionKey: "keberlanjutan" },
      choices: [{ id: "next", label: "Bagian berikutnya" }],
    };
    expect(contextNeeds(reviewed, { choice: "next" }).upload).toBeUndefined();
    expect(text(advance(reviewed, { choice: "next" }, ctx()))).toContain(
      "Ketik /siap untuk memeriksa berkas unggah",
    );
  });

  it("/siap without loaded facts says nothing about files; with them lists every line", () => {
    expect(text(advance(active, { text: "/siap" }, ctx()))).toBe("");
    const r = advance(
      active,
      { text: "/siap" },
      ctx({
        upload: {
          attachments: [],
          videoUrl: "https://youtu.be/abc123xyz",
          startYear: 2025,
          group: "umum",
          instansi: "Pemkab Uji",
          sameTitle: { otherUnits: 2, sameUnit: 0 },
          instansiProposals: { all: 1, sameGroup: 1 },
        },
      }),
    );
    expect(r.effects).toEqual([]);
    const out = text(r);
    expect(out).toContain("Kesiapan unggah proposal KP-TEST: 2 dari 5 syarat terpenuhi");
    expect(out).toContain("⚠️ SK Tim Inovator belum terlampir");
    expect(out).toContain("✅ Tautan video tersimpan: https://youtu.be/abc123xyz");
    // Started in 2025: one year old today, two on the 2027 deadline.
    expect(out).toContain("✅ Usia inovasi 2 tahun pada batas pendaftaran, 31 Mei 2027 (minimal 2 tahun)");
    expect(out).toContain(
      "⚠️ Judul yang sama sudah dipakai 2 proposal lain di kompetisi ini (termasuk dari unit lain)",
    );
    expect(out).toContain("Kelengkapan isi: 0% (0 dari 8 bagian lengkap)");
  });

  it("/video with a good link is an effect for the app to save; a bad one changes nothing", () => {
    expect(advance(active, { text: "/video https://youtu.be/abc123xyz" }, ctx()).effects).toEqual([
      { kind: "setVideo", proposalId: "p1", url: "https://youtu.be/abc123xyz" },
    ]);
    expect(advance(active, { text: "/video https://example.com/x" }, ctx()).effects).toEqual([]);
  });

  it("registration warns about the innovation's age as it will be on the deadline, not today", () => {
    const step = (startYear: string) =>
      advance(
        {
          ...initialState(),
          welcomed: true,
          step: {
            kind: "newProposal",
            field: "startYear",
            draft: { competitionId: "c1", unit: "U", instansi: "I", group: "umum", category: "", title: "T" },
          },
        },
        { text: startYear },
        ctx({ proposals: [] }),
      );
    expect(text(step("2025"))).not.toContain("Perhatian");
    expect(text(step("2026"))).toContain("pada batas pendaftaran, inovasi ini baru berjalan sekitar 1 tahun");
  });
});
