import type { Locale } from "../../core/i18n/locale.ts";
import { formatDay, statusTexts } from "../../core/i18n/statusTexts.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import { loadReportRows, type ReportRow } from "../../db/queries/reportRows.ts";
import { formulaSafeCsv } from "../exporting/formulaSafeCsv.ts";

export type { ReportRow };
export { loadReportRows };

export interface Report {
  total: number;
  /** The template's section keys, in order (the CSV's AI-use columns). */
  sectionKeys: string[];
  perStage: { key: string; label: Template["name"]; n: number }[];
  readiness: { range: string; n: number }[];
  incompleteUnits: number;
  incompleteProposals: number;
  /** Proposals with an SK Tim Inovator attached, with a video link, and all files attached. */
  attachments: { withSk: number; withVideo: number; files: number };
  rows: (ReportRow & { incomplete: string[]; stuck: boolean })[];
  stuck: (ReportRow & { incomplete: string[]; stuck: boolean })[];
}

export const STUCK_DAYS = 7;
const BUCKETS: [string, number, number][] = [
  ["0–24", 0, 24],
  ["25–49", 25, 49],
  ["50–74", 50, 74],
  ["75–99", 75, 99],
  ["100", 100, 100],
];

/**
 * Proposals per stage, the readiness distribution, units with incomplete sections, and who is
 * stuck: no member activity for 7 days while readiness is below 100.
 */
export function summarize(rows: readonly ReportRow[], template: Template, now: Date): Report {
  const staleBefore = now.getTime() - STUCK_DAYS * 86_400_000;
  const full = rows.map((r) => {
    const done = new Set(r.complete);
    const incomplete = template.sections.filter((s) => !done.has(s.key)).map((s) => s.key);
    const stuck = r.readiness < 100 && (r.lastActive === null || r.lastActive.getTime() < staleBefore);
    return { ...r, incomplete, stuck };
  });
  const perStage = template.stages.map((s) => ({
    key: s.key,
    label: s.label,
    n: rows.filter((r) => r.stage === s.key).length,
  }));
  const unknown = rows.filter((r) => !template.stages.some((s) => s.key === r.stage)).length;
  if (unknown)
    perStage.push({ key: "?", label: { id: "(tahap tidak dikenal)", en: "(unknown stage)" }, n: unknown });
  const withGaps = full.filter((r) => r.incomplete.length > 0);
  return {
    total: rows.length,
    sectionKeys: template.sections.map((s) => s.key),
    perStage,
    readiness: BUCKETS.map(([range, lo, hi]) => ({
      range,
      n: rows.filter((r) => r.readiness >= lo && r.readiness <= hi).length,
    })),
    incompleteUnits: new Set(withGaps.map((r) => `${r.unit}|${r.instansi}`)).size,
    incompleteProposals: withGaps.length,
    attachments: {
      withSk: rows.filter((r) => r.sk).length,
      withVideo: rows.filter((r) => r.video).length,
      files: rows.reduce((s, r) => s + r.files, 0),
    },
    rows: full,
    stuck: full
      .filter((r) => r.stuck)
      .sort((a, b) => (a.lastActive?.getTime() ?? 0) - (b.lastActive?.getTime() ?? 0)),
  };
}

const CHAT_STUCK_LINES = 10;

/** /rekap in chat, in the contact's language. */
export function renderRekap(
  name: string,
  report: Report,
  locale: Locale,
  timezone: string,
  now: Date,
): string {
  const t = statusTexts(locale);
  const lines = [t.rekapHeader(name, report.total), t.rekapStages];
  for (const s of report.perStage) lines.push(t.rekapLine(s.label[locale], s.n));
  lines.push(t.rekapReadiness);
  for (const b of report.readiness) lines.push(t.rekapLine(`${b.range}%`, b.n));
  lines.push(
    t.rekapIncomplete(report.incompleteUnits, report.incompleteProposals),
    t.rekapAttachments(report.attachments.withSk, report.attachments.withVideo, report.total),
    t.rekapStuck(report.stuck.length),
  );
  for (const r of report.stuck.slice(0, CHAT_STUCK_LINES))
    lines.push(
      t.rekapStuckLine(
        r.code,
        r.unit,
        r.readiness,
        r.lastActive ? formatDay(locale, r.lastActive, timezone, now) : t.never,
      ),
    );
  if (report.stuck.length > CHAT_STUCK_LINES) lines.push(t.rekapMore(report.stuck.length - CHAT_STUCK_LINES));
  return lines.join("\n");
}

/** The full list for `klinik report --csv`: one line per proposal. */
export function reportCsv(report: Report): string {
  const head = [
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
    // How often AI advice was shown to the writers, per section: "did the bot write this?"
    ...report.sectionKeys.map((k) => `ai_advice_${k}`),
    "sk",
    "attachments",
    "video",
  ];
  const rows = report.rows.map((r) => [
    r.code,
    r.unit,
    r.instansi,
    r.title,
    r.group,
    r.category,
    r.stage,
    r.readiness,
    r.incomplete.join(" "),
    r.lastActive?.toISOString() ?? "",
    r.stuck,
    ...report.sectionKeys.map((k) => r.aiUse?.[k] ?? 0),
    r.sk,
    r.files,
    r.video,
  ]);
  return formulaSafeCsv(head, rows);
}
