import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { exportCompetition } from "../app/importing/exportCompetition.ts";
import { loadProposalForExport, renderExport } from "../app/importing/exportProposal.ts";
import { importProposalDocument } from "../app/importing/importProposalDocument.ts";
import { competitionById } from "../app/status/competitionData.ts";
import { createConfig } from "../config.ts";
import { KlinikError } from "../core/errors.ts";
import type { Locale } from "../core/i18n/locale.ts";
import { importFailureTexts, renderImportSummary } from "../core/importing/importTexts.ts";
import { plainText } from "../core/messages.ts";
import { proposalByCode } from "../db/queries/invitations.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";
import { writeAttachments } from "./writeAttachments.ts";

/** A document command that ran but failed (unreadable file, unknown code): one line, exit 1. */
export class DocumentCommandError extends KlinikError {
  override readonly name = "DocumentCommandError";
}

/**
 * `klinik proposal import <code> <file> [--dry-run]`: reads a DOCX/PDF/TXT draft, prints which
 * heading went to which section and the unmatched text, then saves the sections as new
 * revisions (source "import"). With --dry-run it only prints.
 */
export async function proposalImport(
  io: CliIo,
  code: string | undefined,
  file: string | undefined,
  opts: { dryRun?: boolean } = {},
): Promise<void> {
  if (!code || !file) throw new UsageError("proposal import needs <code> <file> [--dry-run]");
  const bytes = new Uint8Array(readFileSync(file));
  await withDatabase(io, async (db) => {
    const locale = cliLocale(io);
    const p = await proposalByCode(db.prisma, code);
    const competition = p && (await competitionById(db.prisma, p.competitionId));
    if (!p || !competition) throw new DocumentCommandError(`no proposal with code "${code}"`);
    const { template } = competition;
    const r = await importProposalDocument(db.prisma, {
      proposalId: p.id,
      contactId: null,
      template,
      bytes,
      fileName: basename(file),
    });
    if (!r.ok)
      throw new DocumentCommandError(
        `${basename(file)}: ${importFailureTexts(locale)[r.reason]} (${r.reason})`,
      );
    io.out(
      plainText(
        renderImportSummary(template, r.preview, locale, { fileName: basename(file), confirm: false }),
      ),
    );
    if (opts.dryRun) {
      io.out("Dry run: nothing saved.");
      return;
    }
    if (r.preview.sections.length === 0) {
      io.out("No section heading recognised: nothing saved.");
      return;
    }
    const report = await r.apply();
    const title = (key: string) => template.sections.find((s) => s.key === key)?.title[locale] ?? key;
    io.out(`Saved ${report.saved.length} section(s) of ${code} as new revisions (source: import).`);
    for (const s of report.saved) io.out(`  ${title(s.sectionKey)}: ${s.words} words, ${s.mark}`);
    if (report.unchanged.length) io.out(`Unchanged: ${report.unchanged.map(title).join(", ")}`);
    io.out(`Readiness: ${report.readiness}%`);
  });
}

/** `klinik proposal export <code> [--format docx|txt] [--out <file or dir>]` */
export async function proposalExport(
  io: CliIo,
  code: string | undefined,
  opts: { out?: string; format?: string; files?: string },
): Promise<void> {
  if (!code)
    throw new UsageError("proposal export needs <code> [--format docx|txt] [--out <path>] [--files <dir>]");
  const format = opts.format ?? "docx";
  if (format !== "docx" && format !== "txt")
    throw new UsageError(`--format must be docx or txt (got "${format}")`);
  await withDatabase(io, async (db) => {
    const data = await loadProposalForExport(db.prisma, code);
    if (!data) throw new DocumentCommandError(`no proposal with code "${code}"`);
    const doc = await renderExport(data, format, cliLocale(io));
    const path = outputPath(opts.out, doc.fileName);
    writeFileSync(path, doc.data);
    io.out(`Wrote ${path} (${doc.data.byteLength} bytes).`);
    if (opts.files) {
      const written = await writeAttachments(db.prisma, data.proposalId, code, opts.files);
      io.out(`Wrote ${written.length} attached file(s) to ${opts.files}.`);
      for (const w of written) io.out(`  ${w}`);
    }
  });
}

/** `klinik proposals export --competition <slug> [--format docx|csv] [--out-dir <dir>]` */
export async function exportProposals(
  io: CliIo,
  opts: { competition?: string; format?: string; outDir?: string },
): Promise<void> {
  if (!opts.competition)
    throw new UsageError("proposals export needs --competition <slug> [--format docx|csv] [--out-dir <dir>]");
  const format = opts.format ?? "docx";
  if (format !== "docx" && format !== "csv")
    throw new UsageError(`--format must be docx or csv (got "${format}")`);
  const dir = opts.outDir ?? ".";
  await withDatabase(io, async (db) => {
    const r = await exportCompetition(db.prisma, {
      competition: opts.competition!,
      format,
      locale: cliLocale(io),
    });
    if (!r.ok) throw new DocumentCommandError(`no competition with slug "${opts.competition}"`);
    mkdirSync(dir, { recursive: true });
    let files = 0;
    for await (const doc of r.documents) {
      writeFileSync(join(dir, doc.fileName), doc.data);
      files++;
    }
    io.out(
      format === "csv"
        ? `Wrote ${join(dir, `${opts.competition}-proposals.csv`)} (${r.count} proposals).`
        : `Wrote ${files} DOCX file(s) to ${dir}.`,
    );
  });
}

function cliLocale(io: CliIo): Locale {
  return createConfig(io.env).defaultLocale;
}

/** `--out` may name a file or an existing directory (or end with "/"); default: current directory. */
function outputPath(out: string | undefined, fileName: string): string {
  if (!out) return fileName;
  if (out.endsWith("/") || isDirectory(out)) {
    mkdirSync(out, { recursive: true });
    return join(out, fileName);
  }
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
