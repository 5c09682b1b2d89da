import { describe, expect, it } from "vitest";
import { renderScores } from "../../../src/app/status/renderScores.ts";
import { displayTotal } from "../../../src/core/scoring/scoreDisplay.ts";
import { loadTemplates } from "../../../src/core/templates/loadTemplates.ts";
import { INNOVATION_CRITERIA } from "../../../src/core/templates/scoringSchema.ts";
import { type Template, templateSchema } from "../../../src/core/templates/templateSchema.ts";

const templates = loadTemplates("prompts/templates");
const get = (id: string): Template => templates.get(id)!;
const KIPP_FORMAT = ["kipp-2023-umum", "kipp-2025", "sivablik-kalbar"];

describe("attachments the templates require", () => {
  it("KIPP-format templates require the SK, the video and a supporting document for every section but Ringkasan", () => {
    for (const id of KIPP_FORMAT) {
      const t = get(id);
      const byKind = Object.fromEntries(t.attachments.map((a) => [a.kind, a]));
      expect(byKind.sk?.required, id).toBe(true);
      expect(byKind.video?.required, id).toBe(true);
      expect(byKind.supporting?.required, id).toBe(true);
      expect(byKind.supporting?.sections, id).toEqual(
        t.sections.filter((s) => s.key !== "ringkasan").map((s) => s.key),
      );
    }
  });

  it("refuses a supporting-document list naming a section the template does not have", () => {
    const raw = structuredClone(get("kipp-2023-umum")) as unknown as {
      attachments: { sections: string[] }[];
    };
    raw.attachments[2]!.sections.push("lampiran_x");
    const r = templateSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('unknown section "lampiran_x"');
  });
});

describe("snapshots of older templates", () => {
  it("a competition snapshot without attachment kinds still knows its SK and video", () => {
    const raw = structuredClone(get("kipp-2023-umum")) as unknown as {
      attachments: Record<string, unknown>[];
    };
    for (const a of raw.attachments) {
      delete a.kind;
      delete a.sections;
    }
    const t = templateSchema.parse(raw);
    expect(t.attachments.map((a) => [a.key, a.kind])).toEqual([
      ["sk_tim_inovator", "sk"],
      ["video", "video"],
      ["dokumen_pendukung", "supporting"],
    ]);
  });
});

describe("PermenPANRB 91/2021 criteria in coaching", () => {
  it("KIPP-format templates say which sections evidence each of the five criteria", () => {
    for (const id of KIPP_FORMAT) {
      const t = get(id);
      expect(Object.keys(t.innovationCriteria).sort(), id).toEqual([...INNOVATION_CRITERIA].sort());
      expect(t.innovationCriteria.kebaruan, id).toContain("kebaruan");
      expect(t.innovationCriteria.mudah_disebarkan, id).toContain("adaptabilitas");
      expect(t.innovationCriteria.berkelanjutan, id).toContain("keberlanjutan");
    }
  });
});

describe("a tip that states its section's weight states the right one", () => {
  it("every 'Bagian ini berbobot N%' / 'This section weighs N%' in a tip equals the weight of its section", () => {
    let seen = 0;
    for (const t of templates.values())
      for (const s of t.sections)
        for (const e of s.elements) {
          const id = /Bagian ini berbobot (\d+)%/.exec(e.tip.id);
          const en = /This section weighs (\d+)%/.exec(e.tip.en);
          if (id) expect(Number(id[1]), `${t.id}.${s.key}.${e.key}`).toBe(s.weight);
          if (en) expect(Number(en[1]), `${t.id}.${s.key}.${e.key} (en)`).toBe(s.weight);
          if (id) seen++;
        }
    expect(seen).toBeGreaterThan(0);
    const dampak = get("kota-satu-inovasi").sections.find((s) => s.key === "dampak")!;
    expect(dampak.elements.find((e) => e.key === "sebelum_sesudah")?.tip.id).toContain("berbobot 35%");
  });
});

describe("Sivablik Kalimantan Barat", () => {
  const t = get("sivablik-kalbar");
  it("is a provincial round in the KIPP format with every unknown marked provisional", () => {
    expect(t.level).toBe("provincial");
    expect(t.sections.map((s) => [s.key, s.weight])).toEqual(
      get("kipp-2023-umum").sections.map((s) => [s.key, s.weight]),
    );
    expect(t.sections[0]?.maxWords).toBe(200);
    const notes = t.provisional.join(" ");
    for (const topic of ["format", "kategori", "Usia minimal", "Kuota", "tahap", "SK Tim Inovator"])
      expect(notes).toContain(topic);
  });
});

describe("PEKPPP index and predikat", () => {
  const t = get("pekppp");
  const band = (total: number) => {
    const d = displayTotal(t, total);
    return d.kind === "index" ? [d.value, d.band?.id, d.provisional] : undefined;
  };
  it("shows the index on 0–5 with two decimals; above 4.50 is A, from 4.37 A-, lower bands provisional", () => {
    expect(band(90.4)).toEqual([4.52, "A – Pelayanan Prima", false]);
    expect(band(90)).toEqual([4.5, "A- – Sangat Baik", false]);
    expect(band(87.4)).toEqual([4.37, "A- – Sangat Baik", false]);
    expect(band(87.2)).toEqual([4.36, "B – Baik", true]);
    expect(band(0)).toEqual([0, "F – Gagal", true]);
    expect(displayTotal(get("kipp-2023-umum"), 87.25)).toEqual({ kind: "percent", value: 87.25 });
  });

  it("/nilai of a PEKPPP unit reads 'Indeks: 4,52 dari 5' with its predikat", () => {
    const criteria = t.criteria.map((c) => ({ key: c.key, mean: 4.52, judges: 2 }));
    const r = {
      stage: t.stages.find((s) => s.scored)!.key,
      totalsOnly: false,
      withComments: false,
      total: 90.4,
      rank: null,
      advances: null,
      criteria,
      comments: [],
    };
    const id = renderScores({ code: "KP-AAAA", title: "Unit Uji", group: "nasional" }, r, t, "id");
    expect(id).toContain("Indeks: 4,52 dari 5 · predikat A – Pelayanan Prima");
    expect(id).toContain("(bobot 24%): 4,52");
    expect(id).not.toContain("dari 100");
    const low = renderScores(
      { code: "KP-AAAA", title: "Unit Uji", group: "nasional" },
      { ...r, total: 80 },
      t,
      "en",
    );
    expect(low).toContain("Index: 4.00 of 5 · grade B – Good (provisional, not confirmed)");
  });
});
