import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { checkProposal, type ProposalCheck } from "../core/completeness/checkProposal.ts";
import { checkSection, type SectionCheck } from "../core/completeness/checkSection.ts";
import { renderProposalCheck, renderSectionCheck } from "../core/dialogue/renderCheck.ts";
import { KlinikError } from "../core/errors.ts";
import { dialogueTexts } from "../core/i18n/dialogueTexts.ts";
import type { Locale } from "../core/i18n/locale.ts";
import { splitIntoSections } from "../core/importing/splitIntoSections.ts";
import { plainText } from "../core/messages.ts";
import { loadTemplates } from "../core/templates/loadTemplates.ts";
import type { Template } from "../core/templates/templateSchema.ts";
import { extractText } from "../docs/extractText.ts";
import { type CliIo, UsageError } from "./cliContext.ts";
import { TEMPLATES_DIR } from "./competitionCommands.ts";

/** A line of `klinik check --jsonl` input. */
const inputLine = z.object({
  section: z.string().min(1),
  text: z.string(),
  proposal: z.union([z.string(), z.number()]).optional(),
});

/** What `klinik check --jsonl` writes for one input line: the stable check interface. */
export interface CheckLine {
  section: string;
  complete: boolean;
  words: number;
  elements: { key: string; present: boolean; evidence: string | null }[];
  throwaway: false | string;
  warnings: { kind: string; text: string }[];
}

export interface CheckArgs {
  template?: string;
  jsonl?: boolean;
  file?: string;
  locale?: string;
  /** Input lines for --jsonl; stdin when absent. */
  input?: AsyncIterable<string>;
}

/**
 * `klinik check --template <id> --jsonl`: one JSON object per input line, in input order.
 * Lines without a proposal id are answered as soon as every line before them is; lines sharing a
 * proposal id are checked together, as one proposal, once the input ends. A line that cannot be
 * read gets `{"error": …}` in its place, so the output stays aligned with the input.
 * `klinik check <file.docx|.pdf|.txt> --template <id>` prints the /cek view of a whole draft.
 */
export async function checkCommand(io: CliIo, args: CheckArgs): Promise<void> {
  if (!args.template) throw new UsageError("check needs --template <id>");
  const template = loadTemplates(TEMPLATES_DIR).get(args.template);
  if (!template) {
    const known = [...loadTemplates(TEMPLATES_DIR).keys()].join(", ");
    throw new UsageError(`unknown template "${args.template}" (known: ${known})`);
  }
  const locale: Locale = args.locale === "en" ? "en" : "id";
  if (args.jsonl) return checkJsonl(io, template, locale, args.input ?? stdinLines());
  if (!args.file) throw new UsageError("check needs --jsonl or a file (.docx, .pdf, .txt)");
  return checkDocument(io, template, locale, args.file);
}

type Pending =
  | { kind: "ready"; out: CheckLine | { error: string } }
  | { kind: "proposal"; id: string; section: string };

async function checkJsonl(io: CliIo, template: Template, locale: Locale, input: AsyncIterable<string>) {
  const queue: Pending[] = [];
  const proposals = new Map<string, Record<string, string>>();
  const flush = () => {
    for (let head = queue[0]; head?.kind === "ready"; head = queue[0]) {
      io.out(JSON.stringify(head.out));
      queue.shift();
    }
  };
  let n = 0;
  for await (const raw of input) {
    n++;
    if (!raw.trim()) continue;
    const parsed = parseLine(raw, n);
    if ("error" in parsed) queue.push({ kind: "ready", out: parsed });
    else if (!template.sections.some((s) => s.key === parsed.section))
      queue.push({ kind: "ready", out: { error: `line ${n}: unknown section "${parsed.section}"` } });
    else if (parsed.proposal !== undefined) {
      const id = String(parsed.proposal);
      proposals.set(id, { ...proposals.get(id), [parsed.section]: parsed.text });
      queue.push({ kind: "proposal", id, section: parsed.section });
    } else {
      const section = template.sections.find((s) => s.key === parsed.section)!;
      queue.push({ kind: "ready", out: toLine(checkSection(section, parsed.text), locale) });
    }
    flush();
  }
  const checked = new Map<string, ProposalCheck>();
  for (const [id, texts] of proposals) checked.set(id, checkProposal(template, texts));
  for (const p of queue) {
    if (p.kind === "ready") io.out(JSON.stringify(p.out));
    else {
      const c = checked.get(p.id)!.sections.find((s) => s.sectionKey === p.section)!;
      io.out(JSON.stringify(toLine(c, locale)));
    }
  }
}

function parseLine(raw: string, n: number): z.infer<typeof inputLine> | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { error: `line ${n}: not JSON` };
  }
  const r = inputLine.safeParse(json);
  return r.success ? r.data : { error: `line ${n}: expected {"section", "text", "proposal"?}` };
}

/** The stable JSON shape of one section's check. */
export function toLine(c: SectionCheck, locale: Locale = "id"): CheckLine {
  return {
    section: c.sectionKey,
    complete: c.mark === "complete",
    words: c.words,
    elements: c.elements.map((e) => ({ key: e.key, present: e.present, evidence: e.evidence ?? null })),
    throwaway: c.throwaway ? c.throwaway.reason : false,
    warnings: c.warnings.map((w) => ({ kind: w.kind, text: w.text[locale] })),
  };
}

async function checkDocument(io: CliIo, template: Template, locale: Locale, file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const extracted = await extractText(bytes, basename(file));
  if (!extracted.ok)
    throw new CheckFileError(`${file}: cannot read the document (${extracted.reason})`, {
      file,
      reason: extracted.reason,
    });
  const split = splitIntoSections(template, extracted.text);
  const texts = Object.fromEntries(split.sections.map((s) => [s.key, s.text]));
  const check = checkProposal(template, texts);
  const t = dialogueTexts(locale);
  io.out(plainText(renderProposalCheck(template, check, basename(file), t, locale)));
  for (const s of template.sections) {
    const c = check.sections.find((x) => x.sectionKey === s.key)!;
    if (c.mark === "empty") continue;
    io.out("");
    io.out(plainText(renderSectionCheck(s, c, t, locale)));
  }
  if (split.unmatched.length > 0)
    io.err(`klinik: ${split.unmatched.length} passage(s) under no known section heading were not checked`);
}

/** The document could not be read (image-only PDF, damaged file, unsupported type). */
export class CheckFileError extends KlinikError {
  override readonly name = "CheckFileError";
}

async function* stdinLines(): AsyncIterable<string> {
  yield* createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
}
