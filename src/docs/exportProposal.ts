import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { checkProposal } from "../core/completeness/checkProposal.ts";
import type { SectionCheck } from "../core/completeness/checkSection.ts";
import type { Locale } from "../core/i18n/locale.ts";
import type { Template } from "../core/templates/templateSchema.ts";
import { type ExportTexts, exportTexts } from "./exportTexts.ts";
import { META_STYLES } from "./klinikStyles.ts";

/** Everything an exported proposal shows. */
export interface ExportInput {
  template: Template;
  proposal: { code: string; title: string; unitName: string; competitionName: string };
  /** Section key → text; missing keys are unwritten sections. */
  texts: Record<string, string>;
  /** AI suggestions shown while writing (appendix B); absent or empty → "tidak ada". */
  aiLog?: { sectionKey?: string; suggestion: string; createdAt: Date }[];
  locale: Locale;
  /** For the AI log's times; Asia/Jakarta unless given. */
  timeZone?: string;
  /** Files attached to the proposal (appendix C); the bytes stay in the database. */
  attachments?: {
    kind: "sk" | "supporting" | "other";
    sectionKey: string | null;
    fileName: string;
    size: number;
  }[];
  videoUrl?: string | null;
}

/**
 * The proposal as a Word document: a title page, the competition's sections in order (heading,
 * word count against the limits, the text with its paragraphs and line breaks), and an appendix
 * with the completeness grid and the AI-use log. Everything but the section headings and texts
 * carries a "Klinik Meta" style, which import skips, so the file can be edited and imported back.
 */
export async function exportProposalDocx(input: ExportInput): Promise<Uint8Array> {
  const { template, proposal, texts, locale } = input;
  const t = exportTexts(locale);
  const check = checkProposal(template, texts);
  const meta = (text: string, opts: { bold?: boolean; style?: string; pageBreakBefore?: boolean } = {}) =>
    new Paragraph({
      style: opts.style ?? META_STYLES.text.id,
      pageBreakBefore: opts.pageBreakBefore,
      children: [new TextRun({ text: clean(text), bold: opts.bold })],
    });

  const children: (Paragraph | Table)[] = [
    meta(proposal.competitionName),
    meta(proposal.title, { style: META_STYLES.title.id }),
    meta(`${t.unit}: ${proposal.unitName}`),
    meta(`${t.code}: ${proposal.code}`),
    meta(t.readiness(check.readiness)),
  ];

  template.sections.forEach((section, i) => {
    const c = check.sections[i]!;
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: i === 0,
        children: [new TextRun(clean(`${i + 1}. ${section.title[locale]}`))],
      }),
      meta(`${t.wordCount(c.words, section.minWords, section.maxWords)} · ${officialStatus(c, t)}`, {
        style: META_STYLES.count.id,
      }),
    );
    const text = (texts[section.key] ?? "").trim();
    if (!text) children.push(meta(t.notWritten));
    else for (const para of text.split(/\n\s*\n/)) children.push(textParagraph(para));
  });

  children.push(
    meta(t.appendixReadiness, { style: META_STYLES.heading.id, pageBreakBefore: true }),
    meta(t.readiness(check.readiness), { bold: true }),
    readinessTable(input, check),
    meta(t.appendixAi, { style: META_STYLES.heading.id }),
  );
  const log = input.aiLog ?? [];
  if (log.length === 0) children.push(meta(t.aiNone));
  else {
    children.push(meta(t.aiIntro));
    const fmt = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: input.timeZone ?? "Asia/Jakarta",
    });
    for (const e of [...log].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
      const where = template.sections.find((s) => s.key === e.sectionKey)?.title[locale] ?? t.general;
      children.push(meta(`${fmt.format(e.createdAt)} · ${where}`, { bold: true }));
      for (const para of e.suggestion.trim().split(/\n\s*\n/)) children.push(metaLines(para));
    }
  }

  children.push(meta(t.appendixFiles, { style: META_STYLES.heading.id }));
  children.push(
    ...filesAppendix(input).map((line, i) => meta(line, { bold: i === 0 && line === t.filesIntro })),
  );

  const doc = new Document({
    creator: "Klinik Inovasi",
    title: clean(proposal.title),
    description: `${proposal.code} · ${proposal.competitionName}`,
    styles: {
      paragraphStyles: [
        {
          id: META_STYLES.text.id,
          name: META_STYLES.text.name,
          basedOn: "Normal",
          next: "Normal",
          quickFormat: false,
        },
        {
          id: META_STYLES.title.id,
          name: META_STYLES.title.name,
          basedOn: "Normal",
          next: "Normal",
          run: { size: 40, bold: true },
          paragraph: { spacing: { before: 240, after: 240 } },
        },
        {
          id: META_STYLES.heading.id,
          name: META_STYLES.heading.name,
          basedOn: "Heading1",
          next: "Normal",
          run: { size: 32, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        {
          id: META_STYLES.count.id,
          name: META_STYLES.count.name,
          basedOn: "Normal",
          next: "Normal",
          run: { italics: true, size: 18, color: "666666" },
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The proposal as plain text for pasting into SINOVIK field by field: a short header, then each
 * section under a "=== Ringkasan (maks. 200 kata) ===" separator. Unwritten sections stay empty
 * under their separator (so nothing placeholder-like gets pasted or imported back).
 */
export function exportProposalText(input: Omit<ExportInput, "aiLog" | "timeZone">): string {
  const { template, proposal, texts, locale } = input;
  const t = exportTexts(locale);
  const lines = [
    proposal.title,
    `${t.unit}: ${proposal.unitName}`,
    `${t.competition}: ${proposal.competitionName}`,
    `${t.code}: ${proposal.code}`,
  ];
  const blocks = template.sections.map((s) => {
    const text = (texts[s.key] ?? "").trim();
    return `=== ${s.title[locale]}${t.limits(s.minWords, s.maxWords)} ===${text ? `\n${text}` : ""}`;
  });
  return `${[lines.join("\n"), ...blocks].join("\n\n")}\n`;
}

/** Appendix C: every attached file by kind (supporting documents with their section), then the video link. */
function filesAppendix(input: ExportInput): string[] {
  const t = exportTexts(input.locale);
  const files = input.attachments ?? [];
  const order = { sk: 0, supporting: 1, other: 2 } as const;
  const sectionIndex = (k: string | null) => input.template.sections.findIndex((s) => s.key === k);
  const lines = files.length ? [t.filesIntro] : [t.filesNone];
  for (const f of [...files].sort(
    (a, b) => order[a.kind] - order[b.kind] || sectionIndex(a.sectionKey) - sectionIndex(b.sectionKey),
  )) {
    const section = input.template.sections.find((s) => s.key === f.sectionKey)?.title[input.locale];
    lines.push(`• ${t.fileKind[f.kind]}${section ? ` – ${section}` : ""}: ${f.fileName} (${kb(f.size)})`);
  }
  lines.push(input.videoUrl ? t.video(input.videoUrl) : t.noVideo);
  return lines;
}

function kb(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function readinessTable(input: ExportInput, check: ReturnType<typeof checkProposal>): Table {
  const t = exportTexts(input.locale);
  const cell = (text: string, bold = false, right = false) =>
    new TableCell({
      children: [
        new Paragraph({
          style: META_STYLES.text.id,
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold })],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    children: [t.table.no, t.table.section, t.table.weight, t.table.words, t.table.mark].map((h) =>
      cell(h, true),
    ),
  });
  const rows = input.template.sections.map((s, i) => {
    const c = check.sections[i]!;
    return new TableRow({
      children: [
        cell(String(i + 1), false, true),
        cell(s.title[input.locale]),
        cell(`${s.weight}%`, false, true),
        cell(`${c.words}${s.maxWords ? `/${s.maxWords}` : ""}`, false, true),
        cell(t.markWord[c.mark]),
      ],
    });
  });
  return new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** A paragraph of section text; single line breaks inside it stay line breaks. */
function textParagraph(para: string): Paragraph {
  return new Paragraph({ children: runs(para) });
}

function metaLines(para: string): Paragraph {
  return new Paragraph({ style: META_STYLES.text.id, children: runs(para) });
}

function runs(para: string): TextRun[] {
  return clean(para)
    .split("\n")
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
}

/** Characters XML 1.0 cannot carry make Word refuse the whole file; tabs become spaces. */
function clean(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

/** Guidance status, unless an official limit is broken: that one is a rule and says so. */
function officialStatus(c: SectionCheck, t: ExportTexts): string {
  const max = c.official?.max;
  return max !== undefined && c.words > max ? t.overOfficial(max) : t.wordStatus[c.wordStatus];
}
