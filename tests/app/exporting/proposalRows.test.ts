import { describe, expect, it } from "vitest";
import { proposalRows } from "../../../src/app/exporting/proposalRows.ts";
import { summarize } from "../../../src/app/status/report.ts";
import type { ProposalRow } from "../../../src/db/queries/proposalRows.ts";
import { KIPP } from "../../helpers/appHarness.ts";

const NOW = new Date("2026-11-22T03:00:00Z");
const [first, second] = KIPP.sections.map((s) => s.key) as [string, string];

function row(o: Partial<ProposalRow>): ProposalRow {
  return {
    code: "KP-AAAA",
    title: "Inovasi",
    unit: "Puskesmas",
    instansi: "Pemkab",
    region: "",
    group: "umum",
    category: "",
    stage: KIPP.stages[0]!.key,
    readiness: 40,
    complete: [first],
    marks: [],
    lastActive: NOW,
    files: 0,
    sk: false,
    video: false,
    aiUse: {},
    ...o,
  };
}

const report = summarize(
  [
    row({ code: "KP-AAAA", aiUse: { [second]: 3 }, files: 2, sk: true }),
    row({ code: "KP-BBBB", lastActive: null, video: true }),
  ],
  KIPP,
  NOW,
);

describe("proposalRows: the report's one line per proposal", () => {
  it("gives `klinik report --csv` English headers, AI advice per section and the attachments", () => {
    const t = proposalRows(report, { language: "en", details: true });
    expect(t.header.slice(0, 11)).toEqual([
      "code",
      "unit",
      "instansi",
      "title",
      "group",
      "category",
      "stage",
      "readiness",
      "incomplete_sections",
      "last_activity",
      "stuck",
    ]);
    expect(t.header.slice(11)).toEqual([
      ...KIPP.sections.map((s) => `ai_advice_${s.key}`),
      "sk",
      "attachments",
      "video",
    ]);
    const [a, b] = t.rows as [unknown[], unknown[]];
    expect(a[t.header.indexOf(`ai_advice_${second}`)]).toBe(3);
    expect(a[t.header.indexOf(`ai_advice_${first}`)]).toBe(0);
    expect([a.at(-3), a.at(-2), a.at(-1)]).toEqual([true, 2, false]);
    expect(b[t.header.indexOf("stuck")]).toBe(true);
    expect(a[t.header.indexOf("incomplete_sections")]).not.toContain(first);
  });

  it("gives the dashboard's export the same cells under Indonesian headers, ya/tidak for yes/no", () => {
    const en = proposalRows(report, { language: "en", details: true });
    const id = proposalRows(report, { language: "id", details: false });
    expect(id.header).toEqual([
      "kode",
      "unit",
      "instansi",
      "judul",
      "kelompok",
      "kategori",
      "tahap",
      "kesiapan",
      "bagian_belum_lengkap",
      "aktif_terakhir",
      "macet",
    ]);
    expect(id.rows.map((r) => r.slice(0, 10))).toEqual(en.rows.map((r) => r.slice(0, 10)));
    expect(id.rows.map((r) => r[10])).toEqual(["tidak", "ya"]);
  });
});
